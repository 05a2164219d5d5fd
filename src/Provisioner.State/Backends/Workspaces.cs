using System.Text.RegularExpressions;

namespace Provisioner.State.Backends;

/// <summary>Workspace names: <c>default</c> always exists; others are created by <c>workspace new</c>.</summary>
public static partial class Workspaces
{
    /// <summary>The workspace every backend has.</summary>
    public const string Default = "default";

    /// <summary>
    /// Letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit, at most 90 characters (names
    /// become file and key names, so no <c>/</c>).
    /// </summary>
    public static bool IsValidName(string name) => name.Length is > 0 and <= 90 && NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
