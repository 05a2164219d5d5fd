using Provisioner.Hcl.Values;

namespace Provisioner.Config.Tests.Variables;

public sealed class VariableInputsTests
{
    private const string Declarations = """
        variable "name" {
          type    = string
          default = "from-default"
        }

        variable "size" {
          type    = number
          default = 1
        }

        variable "tags" {
          type    = map(string)
          default = {}
        }
        """;

    private static readonly Dictionary<string, string> NoEnv = [];

    private static VariableValues Resolve(TempConfig cfg, IReadOnlyList<VariableArg> args, IReadOnlyDictionary<string, string>? env = null) =>
        VariableInputs.Resolve(cfg.Load(), args, env ?? NoEnv, cfg.Directory, new VariableInputOptions(Time: TimeProvider.System));

    // Precedence table: each row adds one more source; the last one listed wins.
    [Theory]
    [InlineData("default", "from-default", ValueSourceKind.Default)]
    [InlineData("env", "from-env", ValueSourceKind.Environment)]
    [InlineData("env,auto", "from-b.auto", ValueSourceKind.AutoFile)]
    [InlineData("env,defaults", "from-defaults", ValueSourceKind.AutoFile)]
    [InlineData("env,defaults,auto", "from-b.auto", ValueSourceKind.AutoFile)]
    [InlineData("env,auto,file", "from-file", ValueSourceKind.VarFile)]
    [InlineData("env,auto,file,var", "from-var", ValueSourceKind.CommandLine)]
    [InlineData("env,auto,var,file", "from-file", ValueSourceKind.VarFile)]
    [InlineData("auto,var,file,var2", "from-var2", ValueSourceKind.CommandLine)]
    public void LaterSourcesWin(string sources, string expected, ValueSourceKind kind)
    {
        using var cfg = new TempConfig(("main.hcl", Declarations));
        var env = new Dictionary<string, string>();
        var args = new List<VariableArg>();
        foreach (var s in sources.Split(','))
        {
            switch (s)
            {
                case "env":
                    env["PROVISIONER_VAR_name"] = "from-env";
                    break;
                case "defaults":
                    cfg.Write("provisioner.vars.hcl", "name = \"from-defaults\"\n");
                    break;
                case "auto":
                    cfg.Write("a.auto.vars.hcl", "name = \"from-a.auto\"\n");
                    cfg.Write("b.auto.vars.hcl", "name = \"from-b.auto\"\n");
                    break;
                case "file":
                    cfg.Write("x.vars.hcl", "name = \"from-file\"\n");
                    args.Add(VariableArg.File("x.vars.hcl"));
                    break;
                case "var":
                    args.Add(VariableArg.Var("name=from-var"));
                    break;
                case "var2":
                    args.Add(VariableArg.Var("name=from-var2"));
                    break;
            }
        }
        var result = Resolve(cfg, args, env);
        Assert.False(result.HasErrors, result.Diagnostics.ToString());
        Assert.Equal(HclValue.String(expected), result.Values["name"]);
        Assert.Equal(kind, result.Inputs["name"].Source);
    }

    [Fact]
    public void CommandLineValuesAreRawForPrimitivesAndHclOtherwise()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations + """

            variable "list" {
              type = list(number)
              default = []
            }

            variable "any" {
              default = null
            }
            """));
        var result = Resolve(cfg, [
            VariableArg.Var("name=[1, 2]"),
            VariableArg.Var("size=42"),
            VariableArg.Var("tags={ a = \"b\" }"),
            VariableArg.Var("list=[1, 2]"),
            VariableArg.Var("any={ x = true }"),
        ]);
        Assert.False(result.HasErrors, result.Diagnostics.ToString());
        Assert.Equal(HclValue.String("[1, 2]"), result.Values["name"]);
        Assert.Equal(HclValue.Number(42), result.Values["size"]);
        Assert.Equal(HclValue.Map([new("a", HclValue.String("b"))]), result.Values["tags"]);
        Assert.Equal(HclValue.List(HclValue.Number(1), HclValue.Number(2)), result.Values["list"]);
        Assert.Equal(HclValue.Object(("x", HclValue.True)), result.Values["any"]);
    }

    [Fact]
    public void EnvironmentValuesParseLikeCommandLineValues()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations));
        var result = Resolve(cfg, [], new Dictionary<string, string>
        {
            ["PROVISIONER_VAR_size"] = "7",
            ["PROVISIONER_VAR_tags"] = "{ env = \"prod\" }",
            ["PROVISIONER_VAR_undeclared"] = "ignored",
            ["OTHER"] = "x",
        });
        Assert.Empty(result.Diagnostics);
        Assert.Equal(HclValue.Number(7), result.Values["size"]);
        Assert.Equal(HclValue.Map([new("env", HclValue.String("prod"))]), result.Values["tags"]);
    }

    [Fact]
    public void ConversionErrorsNameTheVariableAndSource()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations), ("bad.vars.hcl", "size = \"many\"\n"));
        var result = Resolve(cfg, [VariableArg.File("bad.vars.hcl")]);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("Invalid value for input variable", d.Summary);
        Assert.Contains("var.size", d.Detail, StringComparison.Ordinal);
        Assert.Contains("a number is required", d.Detail, StringComparison.Ordinal);
        Assert.Equal("bad.vars.hcl", d.Subject!.Value.Filename);
        Assert.Equal(1, d.Subject.Value.Start.Line);
    }

    [Fact]
    public void CommandLineConversionError()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations));
        var result = Resolve(cfg, [VariableArg.Var("size=lots")]);
        Assert.Equal("Invalid value for input variable", Assert.Single(result.Diagnostics).Summary);
    }

    [Fact]
    public void OptionalAttributeDefaultsAreApplied()
    {
        using var cfg = new TempConfig(("main.hcl", """
            variable "node" {
              type = object({
                name = string
                cpus = optional(number, 2)
              })
            }
            """));
        var result = Resolve(cfg, [VariableArg.Var("node={ name = \"a\" }")]);
        Assert.False(result.HasErrors, result.Diagnostics.ToString());
        Assert.Equal(HclValue.Number(2), result.Values["node"].GetAttribute("cpus"));
    }

    [Fact]
    public void SensitiveVariablesAreMarked()
    {
        using var cfg = new TempConfig(("main.hcl", """
            variable "secret" {
              type      = string
              sensitive = true
              default   = "d"
            }

            variable "plain" {
              default = "p"
            }
            """));
        var fromDefault = Resolve(cfg, []);
        Assert.True(fromDefault.Values["secret"].IsSensitive);
        Assert.False(fromDefault.Values["plain"].IsSensitive);
        var fromCli = Resolve(cfg, [VariableArg.Var("secret=s")]);
        Assert.True(fromCli.Values["secret"].IsSensitive);
        Assert.Equal("s", fromCli.Values["secret"].Unmark().Value.AsString());
    }

    [Fact]
    public void NullableVariablesKeepAnExplicitNull()
    {
        using var cfg = new TempConfig(("main.hcl", """
            variable "a" {
              type    = string
              default = "d"
            }

            variable "b" {
              type     = string
              default  = "d"
              nullable = false
            }

            variable "c" {
              type     = string
              nullable = false
            }
            """), ("n.vars.hcl", "a = null\nb = null\n"));
        var ok = Resolve(cfg, [VariableArg.File("n.vars.hcl"), VariableArg.Var("c=x")]);
        Assert.False(ok.HasErrors, ok.Diagnostics.ToString());
        Assert.True(ok.Values["a"].IsNull);
        Assert.Equal(HclValue.String("d"), ok.Values["b"]);

        cfg.Write("c.vars.hcl", "c = null\n");
        var bad = Resolve(cfg, [VariableArg.File("c.vars.hcl")]);
        var d = Assert.Single(bad.Diagnostics);
        Assert.Equal("Required variable not set", d.Summary);
    }

    [Fact]
    public void RequiredVariableWithoutValue()
    {
        using var cfg = new TempConfig(("main.hcl", "variable \"region\" {\n  type = string\n}\n"));
        var result = Resolve(cfg, []);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("No value for required variable", d.Summary);
        Assert.Equal(1, d.Subject!.Value.Start.Line);
    }

    [Fact]
    public void UndeclaredNames()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations), ("terraform.auto.vars.hcl", "name = \"x\"\n\nextra = 1\n"));
        var result = Resolve(cfg, [VariableArg.Var("nope=1")]);
        Assert.Equal(2, result.Diagnostics.Count);
        var warning = result.Diagnostics.Single(d => !d.IsError);
        Assert.Equal("Value for undeclared variable", warning.Summary);
        Assert.Equal(3, warning.Subject!.Value.Start.Line);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.Equal("Value for undeclared variable", error.Summary);
        Assert.Contains("\"nope\"", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableVarFileIsNamed()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations));
        var result = Resolve(cfg, [VariableArg.File("missing.vars.hcl")]);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("Failed to read variables file", d.Summary);
        Assert.Contains("missing.vars.hcl", d.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedVarOption()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations));
        var result = Resolve(cfg, [VariableArg.Var("justaname")]);
        Assert.Equal("Invalid -var option", Assert.Single(result.Diagnostics).Summary);
    }

    [Fact]
    public void VarFilesAllowOnlyLiterals()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations), ("v.vars.hcl", "name = var.size\n"));
        var result = Resolve(cfg, [VariableArg.File("v.vars.hcl")]);
        Assert.Equal("Variables not allowed", Assert.Single(result.Diagnostics).Summary);
    }

    [Fact]
    public void JsonVarFiles()
    {
        using var cfg = new TempConfig(("main.hcl", Declarations), ("v.auto.vars.hcl.json", "{ \"size\": 5, \"tags\": { \"a\": \"b\" } }"));
        var result = Resolve(cfg, []);
        Assert.False(result.HasErrors, result.Diagnostics.ToString());
        Assert.Equal(HclValue.Number(5), result.Values["size"]);
    }

    private const string Validated = """
        variable "port" {
          type = number

          validation {
            condition     = var.port > 0 && var.port < 65536
            error_message = "The port must be between 1 and 65535, got ${var.port}."
          }
        }

        variable "mode" {
          type    = string
          default = "fast"

          validation {
            condition     = contains(["fast", "slow"], var.mode)
            error_message = "Unknown mode."
          }
        }
        """;

    [Fact]
    public void ValidationRulesPass()
    {
        using var cfg = new TempConfig(("main.hcl", Validated));
        var result = Resolve(cfg, [VariableArg.Var("port=443")]);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void FailingValidationReportsTheMessageAtTheCondition()
    {
        using var cfg = new TempConfig(("main.hcl", Validated));
        var result = Resolve(cfg, [VariableArg.Var("port=70000"), VariableArg.Var("mode=medium")]);
        Assert.Equal(2, result.Diagnostics.Count);
        var port = result.Diagnostics[0];
        Assert.Equal("Invalid value for variable", port.Summary);
        Assert.StartsWith("The port must be between 1 and 65535, got 70000.", port.Detail, StringComparison.Ordinal);
        Assert.Equal(5, port.Subject!.Value.Start.Line);
        Assert.Equal("Unknown mode.", result.Diagnostics[1].Detail.Split('\n')[0]);
        Assert.Equal(15, result.Diagnostics[1].Subject!.Value.Start.Line);
    }

    [Fact]
    public void NonBoolConditionIsAnError()
    {
        using var cfg = new TempConfig(("main.hcl", """
            variable "a" {
              default = "x"

              validation {
                condition     = var.a
                error_message = "bad"
              }
            }
            """));
        var result = Resolve(cfg, []);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("Invalid variable validation result", d.Summary);
        Assert.Equal(5, d.Subject!.Value.Start.Line);
    }

    [Fact]
    public void SensitiveValuesAreNotPrintedInValidationMessages()
    {
        using var cfg = new TempConfig(("main.hcl", """
            variable "token" {
              type      = string
              sensitive = true

              validation {
                condition     = length(var.token) > 8
                error_message = "Token ${var.token} is too short."
              }
            }
            """));
        var result = Resolve(cfg, [VariableArg.Var("token=abc")]);
        var d = Assert.Single(result.Diagnostics);
        Assert.DoesNotContain("abc", d.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PrepareAndCheckValidationsForModuleInputs()
    {
        using var cfg = new TempConfig(("main.hcl", Validated));
        var m = cfg.Load();
        var diags = new Hcl.Diagnostics.DiagnosticList();
        var port = VariableInputs.Prepare(m.Variables["port"], HclValue.String("8080"), "module.a", null, diags);
        Assert.Empty(diags);
        Assert.Equal(HclValue.Number(8080), port);
        Assert.Equal(HclValue.String("fast"), VariableInputs.Prepare(m.Variables["mode"], null, "module.a", null, diags));
        Assert.Null(VariableInputs.Prepare(m.Variables["port"], null, "module.a", null, diags));
        Assert.Equal("No value for required variable", Assert.Single(diags).Summary);

        var scope = new Hcl.Evaluation.EvalContext(
            new Dictionary<string, HclValue> { ["var"] = HclValue.Object(("port", HclValue.Number(0))) },
            Hcl.Evaluation.HclFunctions.CreateStandard(new Hcl.Functions.StandardLibraryOptions(cfg.Directory, TimeProvider.System)));
        var vdiags = new Hcl.Diagnostics.DiagnosticList();
        VariableInputs.CheckValidations(m.Variables["port"], scope, vdiags);
        Assert.Equal("Invalid value for variable", Assert.Single(vdiags).Summary);
    }
}
