namespace Provisioner.Config.Decoding;

/// <summary>Identifier rules (HCL's <c>ValidIdentifier</c>) and Terraform's reserved names.</summary>
internal static class Names
{
    public const string BadNameDetail =
        "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.";

    public static bool IsValid(string name)
    {
        if (name.Length == 0)
            return false;
        var c0 = name[0];
        if (!(char.IsLetter(c0) || c0 == '_'))
            return false;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
                return false;
        }
        return true;
    }

    /// <summary>Variable names that clash with module-call meta-arguments (Terraform's list).</summary>
    public static bool IsReservedVariableName(string name) =>
        name is "source" or "version" or "providers" or "count" or "for_each" or "lifecycle" or "depends_on" or "locals";

}
