namespace Provisioner.Providers.Sim.Cloud;

/// <summary>The error codes the simulated cloud answers with.</summary>
public static class SimErrorCodes
{
    /// <summary>Retriable: request rate exceeded.</summary>
    public const string Throttled = "Throttled";

    /// <summary>Retriable: the service failed to answer (the request may or may not have taken effect).</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>Not retriable: the account's machine capacity would be exceeded.</summary>
    public const string InsufficientCapacity = "InsufficientCapacity";

    public const string NotFound = "NotFound";

    public const string InvalidParameter = "InvalidParameter";

    /// <summary>A network still has machines on it.</summary>
    public const string DependencyViolation = "DependencyViolation";

    /// <summary>An idempotency token was reused for a different kind of request or object.</summary>
    public const string IdempotencyMismatch = "IdempotencyMismatch";

    public const string AddressSpaceExhausted = "AddressSpaceExhausted";
}
