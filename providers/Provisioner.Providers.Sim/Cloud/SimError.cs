namespace Provisioner.Providers.Sim.Cloud;

/// <summary>An error answer from the simulated cloud API.</summary>
/// <param name="Code">A stable code, see <see cref="SimErrorCodes"/>.</param>
/// <param name="Retriable">True for throttling and unavailability: the same request (same idempotency token) may be
/// sent again.</param>
/// <param name="Field">The request field the error is about (for example <c>network_id</c>), if any.</param>
public sealed record SimError(string Code, string Message, bool Retriable = false, string? Field = null)
{
    public override string ToString() => $"{Code}: {Message}";
}
