using System.Globalization;
using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Cli.Views;

/// <summary>
/// An instance's sensitive paths as step lists, to decide while rendering whether a value must be hidden. Paths are
/// read in the form the engine writes, Terraform's JSON steps (<c>[{"type":"get_attr","value":"kubeconfig"}]</c>), or
/// as HCL traversals (<c>kubeconfig</c>, <c>labels["token"]</c>, <c>nodes[0].key</c>). A path that cannot be parsed
/// hides every attribute: when in doubt, no secret is printed.
/// </summary>
internal sealed class StateSensitivePaths
{
    private readonly List<object[]> _paths = [];

    public StateSensitivePaths(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (Parse(p) is { } steps)
                _paths.Add(steps);
            else
                HidesEverything = true;
        }
    }

    /// <summary>True when some path could not be understood, so every value is hidden.</summary>
    public bool HidesEverything { get; }

    /// <summary>True when the value at <paramref name="path"/> (steps: <see cref="string"/> keys, <see cref="long"/> indexes) is sensitive or inside a sensitive value.</summary>
    public bool IsSensitive(IReadOnlyList<object> path)
    {
        if (HidesEverything)
            return true;
        foreach (var p in _paths)
        {
            if (p.Length > path.Count)
                continue;
            var prefix = true;
            for (var i = 0; i < p.Length && prefix; i++)
                prefix = p[i].Equals(path[i]);
            if (prefix)
                return true;
        }
        return false;
    }

    private static object[]? Parse(string path)
    {
        if (path.TrimStart().StartsWith('['))
        {
            if (!Provisioner.Hcl.Values.HclJson.TryPathFromJson(path, out var json, out _) || json is null)
                return null;
            return [.. json.Steps.Select(step => step.Kind == Provisioner.Hcl.Values.HclPathStepKind.Index ? (object)step.Index : step.Name!)];
        }
        var (traversal, diags) = HclSyntax.ParseTraversalAbs(Encoding.UTF8.GetBytes(path), "<sensitive path>", SourcePos.Start);
        if (traversal is null || diags.HasErrors)
            return null;
        var steps = new List<object> { traversal.RootName };
        foreach (var s in traversal.Steps)
        {
            switch (s)
            {
                case TraverseAttr a:
                    steps.Add(a.Name);
                    break;
                case TraverseIndex { KeyKind: IndexKeyKind.String } i:
                    steps.Add(i.KeyText);
                    break;
                case TraverseIndex { KeyKind: IndexKeyKind.Number } i when long.TryParse(i.KeyText, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    steps.Add(n);
                    break;
                default:
                    return null;
            }
        }
        return [.. steps];
    }
}
