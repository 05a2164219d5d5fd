namespace Provisioner.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ctrl-C once: stop scheduling, let provider calls in flight finish and be recorded. Twice: abandon at once.
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine();
                Console.Error.WriteLine("Interrupt received. Gracefully shutting down: operations in progress finish and are recorded; press Ctrl-C again to exit at once.");
                stop.Cancel();
                return;
            }
            e.Cancel = false;
            abort.Cancel();
        };
        return await CommandLine.RunAsync(args, Console.Out, Console.Error, abort.Token, stopScheduling: stop.Token).ConfigureAwait(false);
    }
}
