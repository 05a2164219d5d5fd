namespace Provisioner.Providers.Cluster.Tests.EndToEnd;

/// <summary>What one CLI run printed and how it exited.</summary>
internal sealed record CliResult(string Command, int Code, string Out, string Err)
{
    public override string ToString() => $"`provisioner {Command}` exited {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
