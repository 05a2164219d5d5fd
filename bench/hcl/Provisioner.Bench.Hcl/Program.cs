using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Provisioner.Bench.Hcl;

/// <summary>
/// HCL parser benchmark. Usage:
/// <code>Provisioner.Bench.Hcl [--runs N] [--oracle oracle.json] [--oracle-json DIR] [--report out.md] FILE...</code>
/// <code>Provisioner.Bench.Hcl --alloc-profile FILE [RUNS]</code> (allocations of the parser, by type)
/// For every file: parse throughput (median of N warm runs), parse + evaluate throughput, bytes allocated per
/// input byte, and peak working set (in a child process per file, so one file's garbage doesn't count for the
/// next). With <c>--oracle</c> (written by <c>oracle/bench.js --json</c>) it prints the reference
/// implementation's figures and the ratios beside ours. See <c>bench/hcl/run.sh</c>.
/// </summary>
internal static class Program
{
    private const double TargetParseMbPerSec = 50;
    private const double TargetSpeedupVsOracle = 50;
    private const double TargetPeakMemoryPerInput = 10;
    private const int MemoryChildren = 3;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--memory-child")
        {
            return MemoryChild(args[1]);
        }
        if (args.Length >= 2 && args[0] == "--alloc-profile")
        {
            return AllocationProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], Inv) : 3);
        }

        int runs = 7;
        string? oraclePath = null, reportPath = null, oracleJsonDir = null;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[++i], Inv); break;
                case "--oracle": oraclePath = args[++i]; break;
                case "--report": reportPath = args[++i]; break;
                case "--oracle-json": oracleJsonDir = args[++i]; break;
                case "-h" or "--help":
                    Console.WriteLine("usage: Provisioner.Bench.Hcl [--runs N] [--oracle oracle.json] [--oracle-json DIR] [--report out.md] FILE...");
                    return 0;
                default: files.Add(args[i]); break;
            }
        }
        if (files.Count == 0 || runs < 1)
        {
            Console.Error.WriteLine("usage: Provisioner.Bench.Hcl [--runs N] [--oracle oracle.json] [--oracle-json DIR] [--report out.md] FILE...");
            return 2;
        }

        var oracle = oraclePath is null ? new Dictionary<string, OracleResult>() : ReadOracle(oraclePath);
        LoadAtStart = LoadAverage();
        var rows = new List<Row>();
        foreach (var file in files)
        {
            rows.Add(Measure(file, runs));
        }
        var text = Render(rows, oracle, runs);
        var mismatches = 0;
        if (oracleJsonDir is not null && Subject.EmitterMissing is null)
        {
            // Correctness at scale: our `hcl to-json` against the oracle's JSON for the same files.
            var sb = new StringBuilder("\nhcl to-json vs hcl2json on the same files:\n");
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                var theirs = Path.Combine(oracleJsonDir, name + ".json");
                if (!File.Exists(theirs))
                {
                    sb.Append("  ").Append(name).Append(": no oracle JSON\n");
                    continue;
                }
                var (json, hasErrors) = Subject.ToJson(File.ReadAllBytes(file), name);
                var diff = hasErrors ? "our parser reported errors" : JsonComparison.FirstDifference(json, File.ReadAllText(theirs));
                if (diff is not null)
                    mismatches++;
                sb.Append("  ").Append(name).Append(": ").Append(diff is null ? "identical (key order aside)" : "DIFFERENT, first at " + diff).Append('\n');
            }
            text += sb.ToString();
        }
        Console.Write(text);
        if (reportPath is not null)
        {
            File.WriteAllText(reportPath, text);
        }
        return rows.Exists(r => r.Error is not null) || mismatches > 0 ? 1 : 0;
    }

    private sealed record Timing(double MedianMs, double MinMs, double MaxMs, int Runs, double CpuMedianMs)
    {
        public double MbPerSec(long bytes) => bytes / 1e6 / (MedianMs / 1000);

        public double CpuMbPerSec(long bytes) => bytes / 1e6 / (CpuMedianMs / 1000);
    }

    private sealed record Row(
        string File, long Bytes, Timing? Parse, Timing? ToJson, Timing? Eval, string? EvalNote, double? AllocPerByte,
        long? PeakWorkingSet, long? PeakDelta, long? Retained, long? RetainedWalked, long? Floor, string? Error, long? DeltaMin = null, long? DeltaMax = null);

    private sealed record OracleResult(string File, long Bytes, double MedianMs, double MbPerSec, long PeakRssBytes, int Runs,
        double? CpuMedianMs, double? CpuMbPerSec);

    /// <summary>
    /// Warms <paramref name="action"/> up (at least 5 calls and 1.5 s, so tiered JIT has settled), then times at
    /// least <paramref name="runs"/> calls and at least 1 s of calls (at most 50): small files get more samples,
    /// which keeps the median steady on a shared machine. Each timed call starts on a settled heap: it pays for the
    /// garbage it makes, not for the previous call's.
    /// </summary>
    private static Timing Time(Func<object?> action, int runs)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 5 || warm.ElapsedMilliseconds < 1500; i++)
        {
            GC.KeepAlive(action());
        }
        var times = new List<double>();
        var cpu = new List<double>();
        double spent = 0;
        using var self = Process.GetCurrentProcess();
        while (times.Count < runs || (spent < 1000 && times.Count < 50))
        {
            Settle();
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var result = action();
            sw.Stop();
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpu0).TotalMilliseconds);
            GC.KeepAlive(result);
            times.Add(sw.Elapsed.TotalMilliseconds);
            spent += sw.Elapsed.TotalMilliseconds;
        }
        times.Sort();
        cpu.Sort();
        return new Timing(times[times.Count / 2], times[0], times[^1], times.Count, cpu[cpu.Count / 2]);
    }

    private static Row Measure(string path, int runs)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        var mem = new ReadOnlyMemory<byte>(bytes);
        if (Subject.ParserMissing is not null)
        {
            return new Row(name, bytes.Length, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (Subject.Parse(mem, name).HasErrors)
        {
            return new Row(name, bytes.Length, null, null, null, null, null, null, null, null, null, null, "the parser reported errors on this file");
        }

        var parse = Time(() => Subject.Parse(mem, name).Tree, runs);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var once = Subject.Parse(mem, name);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(once.Tree);

        Timing? toJson = null;
        if (Subject.EmitterMissing is null)
        {
            toJson = Time(() => Subject.ToJson(mem, name).Json, runs);
        }

        Timing? eval = null;
        string? evalNote = null;
        if (Subject.EvaluatorMissing is null)
        {
            var ctx = Subject.CreateContext(mem, name);
            var (evaluated, withErrors) = Subject.ParseAndEvaluate(mem, name, ctx);
            eval = Time(() => Subject.ParseAndEvaluate(mem, name, ctx), runs);
            evalNote = string.Create(Inv, $"{name}: evaluated {evaluated} attribute expressions, {withErrors} reported errors");
            if (withErrors > 0)
            {
                evalNote += " (first: " + Subject.FirstEvaluationError(mem, name, ctx) + ")";
            }
        }

        // Three fresh processes: the median by Δ is reported, with the range (background JIT and the kernel's
        // approximate RSS counters make single runs vary by a few hundred KB on a busy machine).
        var children = Enumerable.Range(0, MemoryChildren).Select(_ => MeasureMemoryInChild(path)).ToList();
        var failed = children.FirstOrDefault(c => c.Error is not null);
        var ok = children.Where(c => c.Error is null).OrderBy(c => c.Delta).ToList();
        var (peak, delta, retained, walked, floor, memError) = ok.Count > 0 ? ok[ok.Count / 2] : failed;
        return new Row(name, bytes.Length, parse, toJson, eval, evalNote, (double)allocated / bytes.Length, peak, delta, retained, walked, floor, memError,
            ok.Count > 0 ? ok[0].Delta : null, ok.Count > 0 ? ok[^1].Delta : null);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Runs this program again with <c>--memory-child FILE</c> and reads back its peak working set.</summary>
    private static (long? Peak, long? Delta, long? Retained, long? RetainedWalked, long? Floor, string? Error) MeasureMemoryInChild(string path)
    {
        var exe = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        }
        psi.ArgumentList.Add("--memory-child");
        psi.ArgumentList.Add(path);
        using var child = Process.Start(psi)!;
        var stdout = child.StandardOutput.ReadToEnd();
        var stderr = child.StandardError.ReadToEnd();
        child.WaitForExit();
        var parts = stdout.Trim().Split(' ');
        if (child.ExitCode != 0 || parts.Length != 5)
        {
            return (null, null, null, null, null, "memory child failed: " + (stderr.Trim() + " " + stdout.Trim()).Trim());
        }
        long baseline = long.Parse(parts[0], Inv), peak = long.Parse(parts[1], Inv), retained = long.Parse(parts[2], Inv);
        return (peak, Math.Max(0, peak - baseline), retained, long.Parse(parts[3], Inv), long.Parse(parts[4], Inv), null);
    }

    /// <summary>
    /// In a fresh process: warm up on a tiny input and on a sample of the file, settle the heap, reset the kernel's high-water mark,
    /// then read and parse the file once and print "baselineWorkingSet peakWorkingSet retainedManagedBytes retainedAfterWalk"
    /// (managed heap growth with the tree and the input still alive, after a full collection; then the same after
    /// reading every node, which builds the parts the tree defers until first read).
    /// </summary>
    private static int MemoryChild(string path)
    {
        var tiny = "a = 1\nb \"c\" {\n  d = \"${e}\"\n}\n"u8.ToArray();
        for (int i = 0; i < 3; i++)
        {
            GC.KeepAlive(Subject.Parse(tiny, "warmup.tf").Tree);
        }
        // Then on a sample of the file itself (its first top-level blocks, up to 8 KB), enough times for tiered JIT
        // to settle: compiling the parser's code paths is a one-off cost of the process, not memory the parse needs.
        var head = new byte[8000];
        int got;
        using (var f = File.OpenRead(path))
        {
            got = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var cut = head.AsSpan(0, got).LastIndexOf("\n}\n"u8);
        var sample = head.AsMemory(0, cut < 0 ? got : cut + 3);
        for (int i = 0; i < 60; i++)
        {
            GC.KeepAlive(Subject.Parse(sample, "warmup.tf").Tree);
        }
        // Let tiered compilation finish in the background (it is delayed on a loaded machine): wait until no method
        // has been compiled for 300 ms (at most 10 s), so the parse below does not pay for the JIT's memory.
        var settle = Stopwatch.StartNew();
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            Thread.Sleep(300);
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() != compiled && settle.ElapsedMilliseconds < 10_000);
        // Settle and give the free heap back to the OS, so the parse cannot reuse pages the warm-up left resident.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        long managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        // The baseline is the resident set at the moment the high-water mark is reset, i.e. just before reading the
        // file: work done before that point (the collections above, which re-commit some of the GC's own memory) is
        // not the parse's. An empty window measured the same way gives the method's floor (Process.Refresh itself).
        // The first calls page in code of their own (file-backed pages, several MB), so they run once beforehand.
        ResetPeak(self, out _);
        Peak(self);
        long floor = ResetPeak(self, out var floorBase) ? Peak(self) - floorBase : 0;
        ResetPeak(self, out var baseline);
        var bytes = File.ReadAllBytes(path);
        var result = Subject.Parse(bytes, Path.GetFileName(path));
        long peak = Peak(self);
        long retained = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        GC.KeepAlive(result.Tree);
        GC.KeepAlive(bytes);
        Subject.ReadEveryNode(result.Tree);
        long walked = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        GC.KeepAlive(result.Tree);
        Console.WriteLine(string.Create(Inv, $"{baseline} {peak} {retained} {walked} {floor}"));
        return 0;
    }

    /// <summary>
    /// Resets the kernel's high-water mark of the resident set to the current resident set (Linux: "5" into
    /// <c>/proc/self/clear_refs</c>) and returns that value as <paramref name="baseline"/>; false (baseline = the
    /// current working set) where that is not possible.
    /// </summary>
    private static bool ResetPeak(Process self, out long baseline)
    {
        bool reset;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            reset = true;
        }
        catch (IOException)
        {
            reset = false;
        }
        catch (UnauthorizedAccessException)
        {
            reset = false;
        }
        self.Refresh();
        baseline = reset ? self.PeakWorkingSet64 : self.WorkingSet64;
        return reset;
    }

    private static long Peak(Process self)
    {
        self.Refresh();
        return Math.Max(self.PeakWorkingSet64, self.WorkingSet64);
    }

    private static Dictionary<string, OracleResult> ReadOracle(string path)
    {
        var map = new Dictionary<string, OracleResult>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            var o = new OracleResult(
                r.GetProperty("file").GetString()!, r.GetProperty("bytes").GetInt64(), r.GetProperty("medianMs").GetDouble(),
                r.GetProperty("mbPerSec").GetDouble(), r.GetProperty("peakRssBytes").GetInt64(), r.GetProperty("runs").GetInt32(),
                r.TryGetProperty("cpuMedianMs", out var c) ? c.GetDouble() : null,
                r.TryGetProperty("cpuMbPerSec", out var cm) ? cm.GetDouble() : null);
            map[o.File] = o;
        }
        return map;
    }

    private static string LoadAtStart = "";

    /// <summary>The 1/5/15-minute load averages (Linux), to tell a quiet machine from a busy one.</summary>
    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string Render(List<Row> rows, Dictionary<string, OracleResult> oracle, int runs)
    {
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(s).Append('\n');
        string F(double? v, string fmt) => v is { } x ? x.ToString(fmt, Inv) : "n/a";
        string Mib(long? v) => v is { } x ? (x / 1048576.0).ToString("0.0", Inv) + " MiB" : "n/a";

        Line("");
        Line(string.Create(Inv, $"HCL parser benchmark: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, medians of ≥ {runs} warm runs (ours: and ≥ 1 s)"));
        Line($"load average (1/5/15 min) at start: {LoadAtStart}; at end: {LoadAverage()}");
        if (Subject.ParserMissing is not null)
        {
            Line("our parser: " + Subject.ParserMissing);
        }
        Line("");
        Line("| file | size MB | parse MB/s (median ms, min–max, runs) | parse + to-json MB/s | parse + eval MB/s | alloc bytes / input byte | peak WS (Δ over baseline, range of 3 processes; method floor) | Δ × input | retained × input (after reading every node) | hcl2json MB/s (median ms) | hcl2json peak RSS | speed-up: parse | speed-up: parse + to-json |");
        Line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            oracle.TryGetValue(r.File, out var o);
            string T(Timing? t, string? missing) => t is null ? (missing ?? r.Error ?? "n/a") : t.MbPerSec(r.Bytes).ToString("0.0", Inv);
            string parse = r.Parse is not { } p ? (Subject.ParserMissing ?? r.Error ?? "n/a")
                : string.Create(Inv, $"**{p.MbPerSec(r.Bytes):0.0}** ({p.MedianMs:0.0} ms, {p.MinMs:0.0}–{p.MaxMs:0.0}, {p.Runs} runs)");
            string peak = r.PeakWorkingSet is null ? (r.Error ?? "n/a") : $"{Mib(r.PeakWorkingSet)} ({Mib(r.PeakDelta)}, {Mib(r.DeltaMin)}–{Mib(r.DeltaMax)}; floor {Mib(r.Floor)})";
            string ratio = r.PeakDelta is { } d ? (d / (double)r.Bytes).ToString("0.0", Inv) + "×" : "n/a";
            if (r.DeltaMin is { } lo && r.DeltaMax is { } hi)
                ratio += string.Create(Inv, $" ({lo / (double)r.Bytes:0.0}–{hi / (double)r.Bytes:0.0}×)");
            string kept = r.Retained is { } k ? (k / (double)r.Bytes).ToString("0.0", Inv) + "×" : "n/a";
            if (r.RetainedWalked is { } w)
                kept += " (" + (w / (double)r.Bytes).ToString("0.0", Inv) + "×)";
            string orc = o is null ? "not measured" : string.Create(Inv, $"{o.MbPerSec:0.00} ({o.MedianMs:0} ms)");
            string orcMem = o is null ? "n/a" : Mib(o.PeakRssBytes);
            string Speedup(Timing? t) => o is not null && t is not null ? (t.MbPerSec(r.Bytes) / o.MbPerSec).ToString("0", Inv) + "×" : "n/a";
            Line($"| {r.File} | {(r.Bytes / 1e6).ToString("0.00", Inv)} | {parse} | {T(r.ToJson, Subject.EmitterMissing)} | {T(r.Eval, Subject.EvaluatorMissing)} | {F(r.AllocPerByte, "0.0")} | {peak} | {ratio} | {kept} | {orc} | {orcMem} | {Speedup(r.Parse)} | {Speedup(r.ToJson)} |");
        }
        Line("");
        Line("The same on CPU time (median of the process's user + system time per call, all threads; steadier than wall time");
        Line("when other jobs share the cores):");
        Line("");
        Line("| file | parse MB/s (CPU ms) | parse + to-json MB/s | parse + eval MB/s | hcl2json MB/s (CPU ms) | speed-up: parse | speed-up: parse + to-json |");
        Line("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            oracle.TryGetValue(r.File, out var o);
            string C(Timing? t, string? missing) => t is null ? (missing ?? r.Error ?? "n/a") : t.CpuMbPerSec(r.Bytes).ToString("0.0", Inv);
            string parse = r.Parse is not { } p ? (Subject.ParserMissing ?? r.Error ?? "n/a")
                : string.Create(Inv, $"**{p.CpuMbPerSec(r.Bytes):0.0}** ({p.CpuMedianMs:0} ms)");
            string orc = o?.CpuMbPerSec is { } ocm ? string.Create(Inv, $"{ocm:0.00} ({o.CpuMedianMs:0} ms)") : "not measured";
            string Speedup(Timing? t) => o?.CpuMbPerSec is { } ocm2 && t is not null ? (t.CpuMbPerSec(r.Bytes) / ocm2).ToString("0", Inv) + "×" : "n/a";
            Line($"| {r.File} | {parse} | {C(r.ToJson, Subject.EmitterMissing)} | {C(r.Eval, Subject.EvaluatorMissing)} | {orc} | {Speedup(r.Parse)} | {Speedup(r.ToJson)} |");
        }
        foreach (var r in rows.Where(r => r.EvalNote is not null))
        {
            Line("");
            Line("Evaluation: " + r.EvalNote);
        }
        Line("");
        Line("Targets:");
        Line(Verdict("parse throughput (wall)", $"≥ {TargetParseMbPerSec.ToString(Inv)} MB/s", rows, r => r.Parse?.MbPerSec(r.Bytes), v => v >= TargetParseMbPerSec, "0.0", " MB/s"));
        Line(Verdict("parse throughput (CPU)", $"≥ {TargetParseMbPerSec.ToString(Inv)} MB/s", rows, r => r.Parse?.CpuMbPerSec(r.Bytes), v => v >= TargetParseMbPerSec, "0.0", " MB/s"));
        Line(Verdict("parse speed-up vs hcl2json (wall)", $"≥ {TargetSpeedupVsOracle.ToString(Inv)}×", rows,
            r => oracle.TryGetValue(r.File, out var o) && r.Parse is { } p ? p.MbPerSec(r.Bytes) / o.MbPerSec : null,
            v => v >= TargetSpeedupVsOracle, "0", "×"));
        Line(Verdict("parse speed-up vs hcl2json (CPU)", $"≥ {TargetSpeedupVsOracle.ToString(Inv)}×", rows,
            r => oracle.TryGetValue(r.File, out var o) && o.CpuMbPerSec is { } ocm && r.Parse is { } p ? p.CpuMbPerSec(r.Bytes) / ocm : null,
            v => v >= TargetSpeedupVsOracle, "0", "×"));
        Line(Verdict("peak memory (highest Δ working set of 3) vs input", $"< {TargetPeakMemoryPerInput.ToString(Inv)}× input", rows,
            r => (r.DeltaMax ?? r.PeakDelta) is { } d ? d / (double)r.Bytes : null, v => v < TargetPeakMemoryPerInput, "0.0", "×"));
        Line(Verdict("(info) parse + to-json speed-up vs hcl2json, like for like (wall)", $"≥ {TargetSpeedupVsOracle.ToString(Inv)}×", rows,
            r => oracle.TryGetValue(r.File, out var o) && r.ToJson is { } j ? j.MbPerSec(r.Bytes) / o.MbPerSec : null,
            v => v >= TargetSpeedupVsOracle, "0", "×"));
        Line(Verdict("(info) parse + to-json speed-up vs hcl2json, like for like (CPU)", $"≥ {TargetSpeedupVsOracle.ToString(Inv)}×", rows,
            r => oracle.TryGetValue(r.File, out var o) && o.CpuMbPerSec is { } ocm && r.ToJson is { } j ? j.CpuMbPerSec(r.Bytes) / ocm : null,
            v => v >= TargetSpeedupVsOracle, "0", "×"));
        Line("");
        Line("MB = 10^6 bytes. Throughput is input bytes / median wall time of one whole call, each timed run starting");
        Line("after a full collection (it pays for its own garbage, not for the previous run's). parse: HclSyntax.ParseConfig.");
        Line("parse + to-json: HclToJson.Convert (parse, then the hcl2json-shaped JSON text). parse + eval: ParseConfig, then");
        Line("HclEvaluator.Evaluate on every attribute expression, blocks included, with var/local/each known and resources,");
        Line("data sources, modules and iterators unknown (as during a plan), standard library functions.");
        Line("Peak WS: a fresh process per file parses it once (after warming up on a tiny input and on the file's first 8 KB and");
        Line("waiting for background JIT to finish); Δ is the peak resident set minus the resident set at the moment the kernel's");
        Line("high-water mark is reset, just before reading the file, so it includes the input bytes and the GC's not-yet-collected");
        Line("garbage. Three processes per file: the median is shown, with the range; the target is held against the highest.");
        Line("Floor: the same measured over an empty window (the measuring code itself). Retained: managed");
        Line("heap growth after a full collection with the tree and the input bytes still alive; in parentheses, the same");
        Line("after reading every node (which builds the traversal steps, string parts and keys the tree defers).");
        Line("hcl2json: @cdktf/hcl2json (hashicorp/hcl as WASM) under node, whole parse() call (parse + convert + JSON),");
        Line("warm median after one discarded cold call; its peak RSS is the node process's, baseline included.");
        return sb.ToString();
    }

    private static string Verdict(string what, string target, List<Row> rows, Func<Row, double?> value, Func<double, bool> ok,
        string fmt, string unit)
    {
        var values = rows.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
        if (values.Count == 0)
        {
            return $"  {what} {target}: n/a";
        }
        bool pass = values.All(ok);
        var shown = string.Join(", ", values.Select(v => v.ToString(fmt, Inv) + unit));
        return $"  {what} {target}: {(pass ? "PASS" : "FAIL")} ({shown})";
    }
}
