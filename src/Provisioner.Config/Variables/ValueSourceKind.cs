namespace Provisioner.Config;

/// <summary>Where a variable's value came from (later kinds win, in this order).</summary>
public enum ValueSourceKind
{
    Default,
    Environment,
    AutoFile,
    VarFile,
    CommandLine,
}
