using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Cli.Commands;

/// <summary>Checks <c>provisioner { required_version = "..." }</c> of every module against this build's version.</summary>
internal static class RequiredVersion
{
    public static void Check(ModuleNode root, DiagnosticList diags)
    {
        var version = CommandLine.Version.Split('-')[0];
        foreach (var node in root.Descendants())
        {
            var s = node.Config.Settings;
            if (s.RequiredVersion is not { } text)
                continue;
            if (!VersionConstraint.TryParse(text, out var constraint, out var error))
            {
                diags.Error("Invalid required_version", error, s.RequiredVersionRange);
                continue;
            }
            if (!constraint!.IsSatisfiedBy(version))
            {
                diags.Error("Unsupported Provisioner version",
                    $"This configuration does not support Provisioner version {CommandLine.Version}. To proceed, either choose another supported version or update this version constraint (\"{text}\"). Version constraints are normally set for good reason, so updating the constraint may lead to other errors or unexpected behavior.",
                    s.RequiredVersionRange);
            }
        }
    }
}
