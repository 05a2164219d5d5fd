namespace Provisioner.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        return await CommandLine.RunAsync(args, Console.Out, Console.Error, cts.Token).ConfigureAwait(false);
    }
}
