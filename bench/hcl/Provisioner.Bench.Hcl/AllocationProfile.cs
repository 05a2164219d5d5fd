using System.Diagnostics.Tracing;
using System.Globalization;

namespace Provisioner.Bench.Hcl;

/// <summary>
/// <c>--alloc-profile FILE</c>: which types the parser allocates, from the runtime's sampled AllocationTick
/// events (one event per ~100 KB allocated, naming the type that crossed the mark). Cheap, in-process, no
/// tools needed; the shares are estimates.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private const long GcKeyword = 0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private long _total;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }
        string type = "?";
        long amount = 0;
        for (int i = 0; i < e.Payload.Count; i++)
        {
            switch (e.PayloadNames?[i])
            {
                case "TypeName": type = e.Payload[i] as string ?? "?"; break;
                case "AllocationAmount64": amount = Convert.ToInt64(e.Payload[i], CultureInfo.InvariantCulture); break;
                case "AllocationAmount" when amount == 0: amount = Convert.ToInt64(e.Payload[i], CultureInfo.InvariantCulture); break;
                default: break;
            }
        }
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            _total += amount;
        }
    }

    public static int Run(string path, int runs)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        GC.KeepAlive(Subject.Parse(bytes, name).Tree); // JIT and statics before listening
        using var listener = new AllocationProfile();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < runs; i++)
        {
            GC.KeepAlive(Subject.Parse(bytes, name).Tree);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Thread.Sleep(500); // let the last events arrive
        listener.Dispose();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"{name}: {bytes.Length} bytes, {runs} parses, {allocated / runs} bytes allocated per parse ({allocated / (double)runs / bytes.Length:0.0} per input byte)"));
        Console.WriteLine("sampled share by type (AllocationTick, ~100 KB granularity):");
        List<KeyValuePair<string, long>> top;
        long total;
        lock (listener._bytesByType)
        {
            top = [.. listener._bytesByType.OrderByDescending(kv => kv.Value).Take(25)];
            total = Math.Max(1, listener._total);
        }
        foreach (var (type, amount) in top)
        {
            Console.WriteLine(string.Create(inv, $"  {amount * 100.0 / total,5:0.0}%  {type}"));
        }
        return 0;
    }
}
