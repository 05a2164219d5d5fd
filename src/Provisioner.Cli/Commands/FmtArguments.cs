namespace Provisioner.Cli.Commands;

/// <summary>The parsed flags of <c>provisioner fmt</c>.</summary>
internal sealed record FmtArguments(
    IReadOnlyList<string> Targets,
    bool List,
    bool Write,
    bool Diff,
    bool Check,
    bool Recursive);
