namespace Provisioner.Sdk.Bootstrap;

/// <summary>The outcome of one node step: success, or an error a user can act on.</summary>
/// <param name="Error">Null on success; otherwise what failed, in words (e.g. "kubelet did not become ready").</param>
/// <param name="Retriable">The step may succeed if repeated later (the next apply resumes there).</param>
public sealed record NodeStepResult(string? Error = null, bool Retriable = true)
{
    public static NodeStepResult Ok { get; } = new();

    public bool Succeeded => Error is null;

    public static NodeStepResult Fail(string error, bool retriable = true) => new(error, retriable);
}
