using Provisioner.Config;

namespace Provisioner.Cli.Commands;

/// <summary>The flags shared by <c>plan</c>, <c>apply</c> and <c>destroy</c>, as parsed.</summary>
internal sealed record OperationSettings(
    IReadOnlyList<VariableArg> VariableArgs,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Replace,
    bool Refresh,
    bool RefreshOnly,
    bool Destroy,
    int Parallelism,
    bool Input,
    bool Json,
    string? StatePath,
    bool Lock = true,
    TimeSpan LockTimeout = default);
