using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config.Tests;

/// <summary>The CLI renders loader diagnostics from the loader's registered sources.</summary>
public sealed class DiagnosticRenderingTests
{
    [Fact]
    public void RendersWithTheOffendingLineAndRelativeName()
    {
        var dir = Fixtures.Invalid("undeclared_variable_suggestion");
        var loader = new ConfigLoader(Path.GetDirectoryName(dir)!);
        var (_, diags) = loader.LoadModule(dir);
        var text = new DiagnosticRenderer(loader.Sources).Render(Assert.Single(diags));
        Assert.Contains("undeclared_variable_suggestion/main.hcl:6:11", text, StringComparison.Ordinal);
        Assert.Contains("where = var.regoin", text, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"region\"?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VarFileSourcesCanBeRegistered()
    {
        using var cfg = new TempConfig(("main.hcl", "variable \"n\" {\n  type = number\n}\n"), ("x.vars.hcl", "n = \"many\"\n"));
        var sources = new SourceFiles();
        var result = VariableInputs.Resolve(cfg.Load(), [VariableArg.File("x.vars.hcl")], new Dictionary<string, string>(),
            cfg.Directory, new VariableInputOptions(Sources: sources));
        var text = new DiagnosticRenderer(sources).Render(Assert.Single(result.Diagnostics));
        Assert.Contains("x.vars.hcl:1:5", text, StringComparison.Ordinal);
        Assert.Contains("n = \"many\"", text, StringComparison.Ordinal);
    }
}
