using System.Text.Json;
using Provisioner.Providers.Sim.Cloud;

namespace Provisioner.Cli.Tests.Commands;

/// <summary>
/// A temporary working directory for end-to-end command tests: a copy of a configuration from <c>testdata/e2e</c>,
/// its own simulated cloud (<c>.sim</c>), and helpers that run commands in-process and read the cloud-side truth.
/// </summary>
public sealed class PlanApplyWorkspace : IDisposable
{
    public const string Secret = "hunter2-e2e-secret";

    public static readonly string[] DocumentedJsonTypes =
    [
        "resource_drift", "planned_change", "change_summary", "refresh_start", "refresh_complete",
        "apply_start", "apply_complete", "apply_errored", "apply_skipped", "diagnostic",
    ];

    private PlanApplyWorkspace(string dir) => Dir = dir;

    public string Dir { get; }

    public string StatePath => Path.Combine(Dir, "provisioner.state.json");

    public string InventoryDir => Path.Combine(Dir, ".sim");

    public void Dispose() => Directory.Delete(Dir, recursive: true);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", "e2e", name);

    /// <summary>A workspace holding a copy of <c>testdata/e2e/NAME</c>.</summary>
    public static PlanApplyWorkspace Create(string fixture = "cluster")
    {
        var ws = new PlanApplyWorkspace(Directory.CreateTempSubdirectory($"prov-e2e-{fixture}-").FullName);
        CopyTree(Fixture(fixture), ws.Dir);
        return ws;
    }

    public Task<CliResult> Run(params string[] args) => RunWithInput("", terminal: false, args);

    /// <summary>Runs a command with <paramref name="input"/> as standard input; <paramref name="terminal"/> stands in for an interactive terminal.</summary>
    public async Task<CliResult> RunWithInput(string input, bool terminal, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None, workingDirectory: Dir,
            stdin: new StringReader(input), inputIsTerminal: terminal);
        return new CliResult(code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Runs a command that must succeed (exit 0).</summary>
    public async Task<CliResult> Ok(params string[] args)
    {
        var r = await Run(args);
        Assert.True(r.Code == 0, $"`{string.Join(' ', args)}` exited {r.Code}\nstdout:\n{r.Out}\nstderr:\n{r.Err}");
        return r;
    }

    /// <summary>The cloud-side truth, as <c>provisioner sim inventory -json</c> prints it (empty when there is no inventory yet).</summary>
    public async Task<SimTruth> Inventory()
    {
        var r = await Run("sim", "inventory", "-dir", ".sim", "-json");
        if (r.Code != 0)
            return new SimTruth([], []);
        using var doc = JsonDocument.Parse(r.Out);
        var machines = doc.RootElement.GetProperty("machines").EnumerateArray()
            .Select(m => new SimTruth.Machine(m.GetProperty("id").GetString()!, m.GetProperty("name").GetString()!,
                m.GetProperty("size").GetString()!, m.GetProperty("zone").GetString()!))
            .ToList();
        var networks = doc.RootElement.GetProperty("networks").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("name").GetString()!))
            .ToList();
        return new SimTruth(machines, networks);
    }

    /// <summary>The ids recorded in the state for managed resources, by address, read through <c>show -json</c>.</summary>
    public async Task<Dictionary<string, string>> StateIds()
    {
        if (!File.Exists(StatePath) && !File.Exists(Path.Combine(Dir, "backend.hcl")))
            return [];
        var r = await Ok("show", "-json");
        using var doc = JsonDocument.Parse(r.Out);
        var ids = new Dictionary<string, string>();
        if (doc.RootElement.TryGetProperty("values", out var values) && values.TryGetProperty("root_module", out var root))
            CollectIds(root, ids);
        return ids;
    }

    private static void CollectIds(JsonElement module, Dictionary<string, string> ids)
    {
        if (module.TryGetProperty("resources", out var resources))
        {
            foreach (var r in resources.EnumerateArray())
            {
                if (r.GetProperty("mode").GetString() == "managed")
                    ids[r.GetProperty("address").GetString()!] = r.GetProperty("values").GetProperty("id").GetString()!;
            }
        }
        if (module.TryGetProperty("child_modules", out var children))
        {
            foreach (var c in children.EnumerateArray())
                CollectIds(c, ids);
        }
    }

    /// <summary>The simulated cloud's own API on this workspace's inventory, for changes made outside Provisioner.</summary>
    public SimCloud OpenCloud() => new(InventoryDir, SimCloudOptions.Default, TimeProvider.System);

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Dir, relativePath), text);

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Dir, relativePath));

    public byte[]? StateBytes() => File.Exists(StatePath) ? File.ReadAllBytes(StatePath) : null;

    /// <summary>Parses <c>-json</c> output: every line must be one JSON object with the common fields and a documented type.</summary>
    public static List<JsonElement> JsonLines(string output)
    {
        var events = new List<JsonElement>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement.Clone();
            Assert.Equal(JsonValueKind.Object, e.ValueKind);
            foreach (var field in new[] { "@level", "@message", "@module", "@timestamp", "type" })
                Assert.True(e.TryGetProperty(field, out _), $"no {field} in {line}");
            Assert.Equal("provisioner.ui", e.GetProperty("@module").GetString());
            Assert.True(DateTimeOffset.TryParse(e.GetProperty("@timestamp").GetString(), out _), line);
            Assert.Contains(e.GetProperty("type").GetString(), DocumentedJsonTypes);
            events.Add(e);
        }
        return events;
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(source))
            CopyTree(dir, Path.Combine(target, Path.GetFileName(dir)));
    }

    /// <summary>What a command printed and returned.</summary>
    public sealed record CliResult(int Code, string Out, string Err);

    /// <summary>Live machines and networks of the simulated cloud.</summary>
    public sealed record SimTruth(IReadOnlyList<SimTruth.Machine> Machines, IReadOnlyList<(string Id, string Name)> Networks)
    {
        public sealed record Machine(string Id, string Name, string Size, string Zone);

        public IEnumerable<string> MachineNames => Machines.Select(m => m.Name).Order(StringComparer.Ordinal);
    }
}
