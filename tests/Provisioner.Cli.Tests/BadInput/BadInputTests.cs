namespace Provisioner.Cli.Tests.BadInput;

/// <summary>
/// Malformed configurations and invocations, one directory per case under <c>testdata/badinput</c>: each must exit 1
/// with a diagnostic (naming <c>file:line:col</c> where there is a file), print no stack trace, and leave the state
/// file, its backup and the simulated cloud's inventory byte-identical.
/// </summary>
/// <remarks>
/// A case directory holds the configuration (<c>*.hcl</c> and any other file, copied into a fresh working directory),
/// and optionally: <c>setup/</c>, a configuration applied first (then its files are removed), so that a real state and
/// inventory exist; <c>state.json</c>, copied in as <c>provisioner.state.json</c>; <c>pre</c>, command lines run (each
/// must succeed) after the configuration is in place; <c>edit/</c>, files copied over the configuration after
/// <c>pre</c> (a <c>state.json</c> there replaces the state); <c>args</c>, the command line under test (default <c>plan</c>); <c>expect</c>, lines
/// <c>summary: TEXT</c> (required), <c>at: FILE:LINE:COL</c> and any number of <c>detail: TEXT</c>.
/// </remarks>
public sealed class BadInputTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "testdata", "badinput");

    private static readonly string[] ControlFiles = ["args", "pre", "expect"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesRoot).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Fact]
    public void Table_HasAtLeast35Cases_EachWithAnExpectation()
    {
        var cases = Directory.GetDirectories(CasesRoot);
        Assert.True(cases.Length >= 35, $"only {cases.Length} cases");
        foreach (var c in cases)
            Assert.True(File.Exists(Path.Combine(c, "expect")), $"{Path.GetFileName(c)} has no expect file");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_Exits1_WithDiagnostic_NoStackTrace_StateAndInventoryUntouched(string name)
    {
        var source = Path.Combine(CasesRoot, name);
        var work = Directory.CreateTempSubdirectory($"prov-badinput-{name}-").FullName;
        try
        {
            // Given
            var setup = Path.Combine(source, "setup");
            if (Directory.Exists(setup))
            {
                CopyTree(setup, work);
                var (setupCode, _, setupErr) = await Run(work, ["apply", "-auto-approve"]);
                Assert.True(setupCode == 0, $"setup apply failed: {setupErr}");
                foreach (var f in Directory.GetFiles(work, "*.hcl"))
                    File.Delete(f);
            }
            CopyCase(source, work);
            var pre = Path.Combine(source, "pre");
            if (File.Exists(pre))
            {
                foreach (var line in File.ReadAllLines(pre).Where(l => l.Trim().Length > 0))
                {
                    var (preCode, _, preErr) = await Run(work, Split(line));
                    Assert.True(preCode == 0, $"pre-step `{line}` failed: {preErr}");
                }
            }
            var edit = Path.Combine(source, "edit");
            if (Directory.Exists(edit))
                CopyCase(edit, work);
            var args = File.Exists(Path.Combine(source, "args")) ? Split(File.ReadAllText(Path.Combine(source, "args"))) : ["plan"];
            var expect = Expectation.Read(Path.Combine(source, "expect"));
            var before = Snapshot(work);

            // When
            var (code, stdout, stderr) = await Run(work, args);

            // Then
            Assert.True(code == 1, $"exit code {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.Contains(expect.Summary, stderr);
            if (expect.At is not null)
                Assert.Contains($"{expect.At}: error: {expect.Summary}", stderr);
            foreach (var d in expect.Details)
                Assert.Contains(d, stderr);
            foreach (var text in new[] { stdout, stderr })
            {
                Assert.DoesNotContain("Exception", text);
                Assert.DoesNotContain("   at ", text);
            }
            var after = Snapshot(work);
            foreach (var (file, bytes) in before)
                Assert.True(after.TryGetValue(file, out var now) && Equal(bytes, now), $"{file} changed");
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool Equal(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    /// <summary>The state file and its backup (null when absent), and the sim inventory's records (empty when absent: configuring the provider may create the file).</summary>
    private static Dictionary<string, byte[]?> Snapshot(string work)
    {
        var files = new[] { "provisioner.state.json", "provisioner.state.json.backup" };
        var snapshot = files.ToDictionary(f => f, f => File.Exists(Path.Combine(work, f)) ? File.ReadAllBytes(Path.Combine(work, f)) : null);
        var inventory = Path.Combine(work, ".sim", "inventory.jsonl");
        snapshot["sim inventory"] = File.Exists(inventory) ? File.ReadAllBytes(inventory) : [];
        return snapshot;
    }

    private static async Task<(int Code, string Out, string Err)> Run(string dir, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None, workingDirectory: dir,
            stdin: TextReader.Null, inputIsTerminal: false);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Split(string line) => line.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static void CopyCase(string source, string work)
    {
        foreach (var file in Directory.GetFiles(source))
        {
            var name = Path.GetFileName(file);
            if (ControlFiles.Contains(name))
                continue;
            File.Copy(file, Path.Combine(work, name == "state.json" ? "provisioner.state.json" : name), overwrite: true);
        }
        foreach (var dir in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(dir);
            if (name is "setup" or "edit")
                continue;
            CopyTree(dir, Path.Combine(work, name));
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.GetDirectories(source))
            CopyTree(dir, Path.Combine(target, Path.GetFileName(dir)));
    }

    private sealed record Expectation(string Summary, string? At, IReadOnlyList<string> Details)
    {
        public static Expectation Read(string path)
        {
            string? summary = null, at = null;
            var details = new List<string>();
            foreach (var line in File.ReadAllLines(path))
            {
                if (line.StartsWith("summary: ", StringComparison.Ordinal))
                    summary = line["summary: ".Length..];
                else if (line.StartsWith("at: ", StringComparison.Ordinal))
                    at = line["at: ".Length..];
                else if (line.StartsWith("detail: ", StringComparison.Ordinal))
                    details.Add(line["detail: ".Length..]);
                else if (line.Trim().Length > 0)
                    throw new InvalidDataException($"{path}: unexpected line {line}");
            }
            return new Expectation(summary ?? throw new InvalidDataException($"{path}: no summary"), at, details);
        }
    }
}
