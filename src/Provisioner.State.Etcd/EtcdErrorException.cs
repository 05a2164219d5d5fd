namespace Provisioner.State.Etcd;

/// <summary>
/// An error answer of the etcd gateway (<c>{"error", "message", "code"}</c>, gRPC status codes), kept as the inner
/// exception of the <see cref="Backends.StateBackendException"/> shown to the user so callers can tell e.g. a lease
/// that no longer exists (code 5) from other refusals.
/// </summary>
internal sealed class EtcdErrorException(int code, string message) : Exception(message)
{
    /// <summary>gRPC status code of the refusal (5 not found, 11 out of range, 16 unauthenticated...).</summary>
    public int Code { get; } = code;

    public const int NotFound = 5;
    public const int OutOfRange = 11;
}
