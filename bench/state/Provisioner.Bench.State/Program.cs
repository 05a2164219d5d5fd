using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Provisioner.State.Backends;
using Provisioner.State.Backends.Local;
using Provisioner.State.Encryption;
using Provisioner.State.Etcd;
using Provisioner.State.Postgres;
using Provisioner.State.Tests.Backends.Etcd;
using Provisioner.State.Tests.Backends.Postgres;

namespace Provisioner.Bench.State;

/// <summary>
/// State and journal benchmark (issue 4). Usage:
/// <code>Provisioner.Bench.State [--sizes "1000 10000 100000"] [--runs R] [--big-runs R] [--state-runs R]
///   [--state-resources N] [--parallelism P] [--backends local,local-encrypted,postgres,etcd] [--work DIR] [--report FILE]</code>
/// For every backend: the apply journal (N creates journalled by P concurrent writers, as the CLI's apply does:
/// an fsynced intent, then a result, per resource) and the state write at the end of an apply of a
/// 100,000-resource state (<see cref="StateStore.WriteAsync"/> over the previous version). Postgres and etcd are
/// throwaway local servers started and stopped here. Prints a markdown table: medians, wall-time ranges, CPU time,
/// and the load average. See <c>bench/state/run.sh</c> and <c>docs/performance.md</c>.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static async Task<int> Main(string[] args)
    {
        int[] sizes = [1_000, 10_000, 100_000];
        int runs = 5, bigRuns = 3, stateRuns = 5, stateResources = 100_000, parallelism = 10;
        string[] backends = ["local", "local-encrypted", "postgres", "etcd"];
        string work = Path.Combine(Path.GetTempPath(), "prov-bench-state");
        string? report = null;
        string[] etcdArgs = [];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, Inv)).Order().ToArray(); break;
                case "--runs": runs = int.Parse(args[++i], Inv); break;
                case "--big-runs": bigRuns = int.Parse(args[++i], Inv); break;
                case "--state-runs": stateRuns = int.Parse(args[++i], Inv); break;
                case "--state-resources": stateResources = int.Parse(args[++i], Inv); break;
                case "--parallelism": parallelism = int.Parse(args[++i], Inv); break;
                case "--backends": backends = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--work": work = args[++i]; break;
                case "--report": report = args[++i]; break;
                case "--etcd-args": etcdArgs = args[++i].Split(' ', StringSplitOptions.RemoveEmptyEntries); break;
                default:
                    await Console.Error.WriteLineAsync($"unknown argument {args[i]}; see bench/state/README.md");
                    return 2;
            }
        }
        Directory.CreateDirectory(work);
        var header = new StringBuilder();
        header.AppendLine(Inv, $"State and journal benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        header.AppendLine(Inv, $"Machine: {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, load average at start {LoadAverage()}");
        Console.Write(header);

        await using var servers = new AsyncDisposables();
        var subjects = new List<Subject>();
        foreach (var b in backends)
            subjects.Add(await CreateSubjectAsync(b, work, servers, header, etcdArgs));

        // Runs are interleaved (round r: every N, every backend) so that a change in the machine's load during the
        // benchmark spreads over all figures instead of biasing one backend or one N.
        var prebuilt = Enumerable.Range(0, sizes.Max()).Select(Workload.Records).ToArray();
        foreach (var s in subjects)
            await JournalRunAsync(s, prebuilt, Math.Min(5_000, sizes.Max()), parallelism, -1); // warm-up (JIT tiers, connections), not counted
        var samples = new Dictionary<(string, int), List<Sample>>();
        var loads = new Dictionary<(string, int), List<double>>();
        int Count(int n) => n >= 100_000 ? bigRuns : runs;
        for (var r = 0; r < Math.Max(runs, bigRuns); r++)
        {
            foreach (var n in sizes.Where(n => r < Count(n)))
            {
                foreach (var s in subjects)
                {
                    var load = Load1();
                    var sample = await JournalRunAsync(s, prebuilt, n, parallelism, (n * 10) + r);
                    (CollectionsMarshal.GetValueRefOrAddDefault(samples, (s.Name, n), out _) ??= []).Add(sample);
                    (CollectionsMarshal.GetValueRefOrAddDefault(loads, (s.Name, n), out _) ??= []).Add(load);
                    Console.WriteLine(string.Create(Inv, $"  run {r + 1} journal {s.Name,-16} N={n,7}: {sample.Wall.TotalSeconds / n * 1e6,8:F1} µs/resource wall, {sample.Cpu.TotalSeconds / n * 1e6:F1} µs cpu, {sample.ServerCpu.TotalSeconds / n * 1e6:F1} µs server cpu, {(double)sample.Bytes / n:F0} B/resource, load {load:F1}"));
                }
            }
        }
        var journal = (from s in subjects
                       from n in sizes
                       select (s, n, Figures.Of(samples[(s.Name, n)]), Range(loads[(s.Name, n)]))).ToList();

        var state = Workload.State(stateResources);
        var writes = new List<(Subject S, Figures F, double Serialize, string Load)>();
        foreach (var s in subjects)
        {
            var (f, serialize, load) = await StateRunsAsync(s, state, stateRuns);
            writes.Add((s, f, serialize, load));
            Console.WriteLine(string.Create(Inv, $"  state   {s.Name,-16} {stateResources} resources: {f.WallMedian:F2} s wall ({f.WallMin:F2}–{f.WallMax:F2}), {f.CpuMedian:F2} s cpu, server {f.ServerCpuMedian:F2} s, {f.Bytes / 1e6:F1} MB, load {load}"));
        }

        var table = Report(header.ToString(), journal, writes, sizes, parallelism, stateResources, LoadAverage());
        Console.WriteLine();
        Console.WriteLine(table);
        if (report is not null)
            await File.WriteAllTextAsync(report, table);
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private static async Task<Subject> CreateSubjectAsync(string name, string work, AsyncDisposables servers, StringBuilder header, string[] etcdArgs)
    {
        switch (name)
        {
            case "local":
            case "local-encrypted":
                IStateCipher? cipher = name == "local" ? null : new StateEncryption(new StateEncryptionSettings(RawStateKey.Generate("bench key")));
                return new Subject(name, id => Create(new LocalBackendFactory(), new() { }, Directory.CreateDirectory(Path.Combine(work, $"{name}-{id}")).FullName),
                    cipher, () => TimeSpan.Zero);
            case "postgres":
                var pg = await PostgresServer.StartAsync();
                servers.Add(pg);
                header.AppendLine(Inv, $"postgres: PostgreSQL {pg.Version}, throwaway server on 127.0.0.1:{pg.Port}, fsync and synchronous_commit on");
                return new Subject(name, id => Create(new PostgresBackendFactory(),
                    new() { ["conn_str"] = pg.ConnectionString, ["schema_name"] = "bench_" + (id < 0 ? "w" : id.ToString(Inv)) }, work),
                    null, () => ProcessCpu.OfTree(pg.Pid));
            case "etcd":
                EtcdServer etcd;
                using (var health = new SocketsHttpHandler())
                    etcd = await EtcdServer.StartAsync(Directory.CreateTempSubdirectory("prov-bench-etcd-").FullName, tls: false, etcdArgs, health);
                servers.Add(etcd);
                header.AppendLine(Inv, $"etcd: {EtcdVersion()}, throwaway single-member server on {etcd.ClientUrl}{(etcdArgs.Length == 0 ? "" : ", flags " + string.Join(' ', etcdArgs))}");
                return new Subject(name, id => Create(new EtcdBackendFactory(),
                    new() { ["endpoints"] = new List<string> { etcd.ClientUrl }, ["prefix"] = $"bench-{id}-{Guid.NewGuid():N}/" }, work),
                    null, () => ProcessCpu.OfTree(etcd.Pid));
            default:
                throw new ArgumentException($"unknown backend {name} (local, local-encrypted, postgres, etcd)");
        }
    }

    private static IStateBackend Create(IStateBackendFactory factory, Dictionary<string, object> values, string dir)
    {
        var r = factory.Create(new BackendSettings(values, new Dictionary<string, string>(), dir), TimeProvider.System);
        return r.Backend ?? throw new InvalidOperationException(r.Error);
    }

    /// <summary>
    /// One apply's journal: <paramref name="n"/> creates, each an intent (durable before it returns) and a result,
    /// from <paramref name="parallelism"/> threads as the executor's concurrent steps do. Checks that 2n records were stored.
    /// </summary>
    private static async Task<Sample> JournalRunAsync(Subject s, (Provisioner.State.Journal.JournalIntent, Provisioner.State.Journal.JournalResult)[] records, int n, int parallelism, int id)
    {
        await using var backend = s.NewBackend(id);
        var store = new StateStore(backend.Workspace(Workspaces.Default), s.Cipher);
        var next = -1;
        var server0 = s.ServerCpu();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        using (var writer = store.OpenJournal())
        {
            var threads = Enumerable.Range(0, parallelism).Select(_ => new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < n)
                {
                    var (intent, result) = records[i];
                    var numbered = writer.AppendIntent(intent);
                    writer.AppendResult(result with { Intent = numbered.Seq });
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var server = s.ServerCpu() - server0;
        var bytes = await store.Storage.Journal.ReadAsync(CancellationToken.None);
        var lines = bytes.Span.Count((byte)'\n');
        if (lines != 2 * n)
            throw new InvalidOperationException($"{s.Name}: the journal holds {lines} records, expected {2 * n}");
        var read = await store.ReadJournalAsync(CancellationToken.None);
        if (read.Error is not null)
            throw new InvalidOperationException($"{s.Name}: the journal does not decode: {read.Error}");
        await store.DeleteJournalAsync(CancellationToken.None);
        return new Sample(sw.Elapsed, cpu, server, bytes.Length);
    }

    /// <summary>
    /// The state write at the end of an apply: the state (serial k + 1) written over serial k, as the CLI does
    /// (encode, encrypt when configured, compare-and-swap write keeping the previous version). The first write (over
    /// no state) is a warm-up and not counted. Also returns the median time of <c>StateJson.Serialize</c> alone.
    /// </summary>
    private static async Task<(Figures F, double Serialize, string Load)> StateRunsAsync(Subject s, Provisioner.State.StateSnapshot state, int runs)
    {
        await using var backend = s.NewBackend(-2);
        var store = new StateStore(backend.Workspace(Workspaces.Default), s.Cipher);
        state.Serial = 1;
        if (!(await store.WriteAsync(state, null, CancellationToken.None)).Written)
            throw new InvalidOperationException($"{s.Name}: first state write refused");
        var samples = new List<Sample>();
        var serialize = new List<double>();
        var loads = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            loads.Add(Load1());
            var sw0 = Stopwatch.StartNew();
            var json = Provisioner.State.StateJson.Serialize(state);
            serialize.Add(sw0.Elapsed.TotalSeconds);
            var bytes = s.Cipher is null ? json.Length : s.Cipher.EncryptState(json, new StateVersion(state.Lineage, state.Serial)).Length;
            var expected = new StateVersion(state.Lineage, state.Serial);
            state.Serial++;
            GC.Collect();
            var server0 = s.ServerCpu();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var written = await store.WriteAsync(state, expected, CancellationToken.None);
            sw.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            var server = s.ServerCpu() - server0;
            if (!written.Written)
                throw new InvalidOperationException($"{s.Name}: state write over serial {expected.Serial} refused");
            samples.Add(new Sample(sw.Elapsed, cpu, server, bytes));
        }
        var (read, version) = await store.ReadAsync(CancellationToken.None);
        if (!read.IsSuccess || version != new StateVersion(state.Lineage, state.Serial) || read.Snapshot!.InstanceCount != state.InstanceCount)
            throw new InvalidOperationException($"{s.Name}: the state read back is not the one written: {read.Error}");
        return (Figures.Of(samples), Median(serialize), Range(loads));
    }

    private static string Report(string header, List<(Subject S, int N, Figures F, string Load)> journal,
        List<(Subject S, Figures F, double Serialize, string Load)> writes, int[] sizes, int parallelism, int stateResources, string loadAtEnd)
    {
        var o = new StringBuilder(header);
        o.AppendLine(Inv, $"Load average at the end {loadAtEnd}. Wall: median (min–max) of the runs; cpu: this process (user + system, all threads), median; server cpu: the postgres or etcd server's processes, median.");
        o.AppendLine();
        o.AppendLine(Inv, $"Apply journal: N creates, each an intent (durable before the call) and a result, from {parallelism} concurrent writers (the CLI's default -parallelism).");
        o.AppendLine();
        o.AppendLine("| backend | N | runs | wall per resource, µs | cpu per resource, µs | server cpu per resource, µs | bytes per resource | wall total, s | load (1 min) |");
        o.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (s, n, f, load) in journal)
        {
            o.AppendLine(Inv, $"| {s.Name} | {n:N0} | {f.Runs} | {f.WallMedian / n * 1e6:F1} ({f.WallMin / n * 1e6:F1}–{f.WallMax / n * 1e6:F1}) | {f.CpuMedian / n * 1e6:F1} | {(s.Name.StartsWith("local", StringComparison.Ordinal) ? "–" : (f.ServerCpuMedian / n * 1e6).ToString("F1", Inv))} | {(double)f.Bytes / n:F1} | {f.WallMedian:F2} | {load} |");
        }
        o.AppendLine();
        if (sizes.Length > 1)
        {
            var first = sizes[0];
            o.AppendLine(Inv, $"Per-resource figures relative to N = {first:N0} (1.00 = constant per resource):");
            o.AppendLine();
            o.AppendLine("| backend | N | wall per resource | cpu per resource | bytes per resource |");
            o.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var g in journal.GroupBy(j => j.S.Name))
            {
                var b = g.First(j => j.N == first).F;
                foreach (var (_, n, f, _) in g.Where(j => j.N != first))
                {
                    o.AppendLine(Inv, $"| {g.Key} | {n:N0} | {f.WallMedian / n / (b.WallMedian / first):F2} | {f.CpuMedian / n / (b.CpuMedian / first):F2} | {(double)f.Bytes / n / ((double)b.Bytes / first):F3} |");
                }
            }
            o.AppendLine();
        }
        o.AppendLine(Inv, $"State write at the end of an apply: {stateResources:N0} resources written over the previous serial (StateStore.WriteAsync: encode, encrypt if configured, compare-and-swap write keeping the previous version). Target: under 2 s.");
        o.AppendLine();
        o.AppendLine("| backend | state bytes | runs | wall, s | cpu, s | server cpu, s | StateJson.Serialize alone, s | under 2 s (median) | load (1 min) |");
        o.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var (s, f, ser, load) in writes)
        {
            var server = s.Name.StartsWith("local", StringComparison.Ordinal) ? "–" : f.ServerCpuMedian.ToString("F2", Inv);
            var verdict = f.WallMedian < 2 ? (f.WallMax < 2 ? "met" : "met (median; max over)") : (f.CpuMedian < 2 ? "not met (cpu under 2 s)" : "not met");
            o.AppendLine(Inv, $"| {s.Name} | {f.Bytes:N0} | {f.Runs} | {f.WallMedian:F2} ({f.WallMin:F2}–{f.WallMax:F2}) | {f.CpuMedian:F2} | {server} | {ser:F2} | {verdict} | {load} |");
        }
        return o.ToString();
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    private static string Range(List<double> loads) =>
        loads.Min().ToString("F1", Inv) + "–" + loads.Max().ToString("F1", Inv);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Load1() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], Inv) : double.NaN;

    private static string EtcdVersion()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("etcd", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var first = p.StandardOutput.ReadLine() ?? "etcd";
            p.WaitForExit();
            return first;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "etcd (version unknown)";
        }
    }
}
