using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Conformance;

/// <summary>
/// HashiCorp's HCL specification suite (<c>../shared/conformance/hcl-specsuite</c>), run the way its own runner does:
/// decode each <c>.hcl</c> (and <c>.hcl.json</c>) with the <c>.hcldec</c> spec, then compare with the <c>.t</c> file:
/// the value (exact, 512-bit numbers included), the type, and every diagnostic's severity and exact range.
/// </summary>
public sealed class SpecSuiteTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var t in Directory.EnumerateFiles(RepoPaths.SpecSuite, "*.t", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.SpecSuite, t));
        return data;
    }

    [Fact]
    public void Suite_IsPresent_WithAllFifteenCases()
    {
        Assert.Equal(15, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_MatchesExpectations(string testFile)
    {
        var tPath = Path.Combine(RepoPaths.SpecSuite, testFile);
        var basePath = tPath[..^2];
        var (spec, variables) = HcldecSpecParser.Parse(basePath + ".hcldec");
        var expect = Expectations.Read(tPath);

        var inputs = new List<string>();
        if (File.Exists(basePath + ".hcl"))
            inputs.Add(basePath + ".hcl");
        if (File.Exists(basePath + ".hcl.json"))
            inputs.Add(basePath + ".hcl.json");
        Assert.NotEmpty(inputs);

        foreach (var input in inputs)
        {
            // Given
            var diags = new DiagnosticList();
            var src = File.ReadAllBytes(input);
            IHclBody body;
            if (input.EndsWith(".json", StringComparison.Ordinal))
            {
                var parsed = Provisioner.Hcl.Json.HclJsonSyntax.Parse(src, input);
                diags.AddRange(parsed.Diagnostics);
                body = parsed.File.Body;
            }
            else
            {
                var parsed = HclSyntax.ParseConfig(src, input);
                diags.AddRange(parsed.Diagnostics);
                body = NativeBody.FromFile(parsed.Root);
            }
            var ctx = new EvalContext(variables, HclFunctions.CreateStandard(StandardLibraryOptions.Default));

            // When (like hcldec, a file with syntax errors is not decoded)
            var value = diags.HasErrors ? HclValue.DynamicVal : new HcldecDecoder(ctx).Decode(body, spec, diags);

            // Then
            var where = Path.GetFileName(input);
            if (expect.Diagnostics is { } expected)
            {
                var actual = diags.Select(d => (d.Severity, d.Subject!.Value.Start, d.Subject.Value.End)).ToList();
                Assert.True(expected.SequenceEqual(actual),
                    $"{where}: expected diagnostics\n  {string.Join("\n  ", expected)}\nbut got\n  {string.Join("\n  ", diags)}");
                continue;
            }
            Assert.False(diags.HasErrors, $"{where}: unexpected diagnostics:\n{diags}");
            if (expect.ResultType is { } rt)
                Assert.True(Conforms(value.Type, rt), $"{where}: type {value.Type.ToTypeExpressionString()} does not conform to {rt.ToTypeExpressionString()}");
            if (expect.Result is { } want)
            {
                if (expect.ResultType is { } t)
                    want = HclConvert.Convert(want, t).ValueOrThrow();
                Assert.True(want.RawEquals(value), $"{where}: expected\n{want}\nbut got\n{value}");
            }
            if (expect.ExpectNoTraversals)
                Assert.Empty(SpecTraversals(body));
        }
    }

    /// <summary>cty's TestConformance: exact type equality, except that <c>any</c> in the pattern matches anything.</summary>
    private static bool Conforms(HclType actual, HclType pattern)
    {
        if (pattern.IsDynamic)
            return true;
        if (actual.Kind != pattern.Kind)
            return false;
        if (pattern.IsCollection)
            return Conforms(actual.ElementType, pattern.ElementType);
        if (pattern.IsObject)
        {
            return actual.AttributeTypes.Count == pattern.AttributeTypes.Count
                && pattern.AttributeTypes.All(kv => actual.HasAttribute(kv.Key) && Conforms(actual.AttributeType(kv.Key), kv.Value));
        }
        if (pattern.IsTuple)
        {
            return actual.TupleElementTypes.Count == pattern.TupleElementTypes.Count
                && actual.TupleElementTypes.Zip(pattern.TupleElementTypes).All(p => Conforms(p.First, p.Second));
        }
        return true;
    }

    private static IEnumerable<Traversal> SpecTraversals(IHclBody body) =>
        body.JustAttributes().Attributes.Values.SelectMany(a => a.Expression.Variables());

    /// <summary>The expectations of one <c>.t</c> file.</summary>
    private sealed record Expectations(HclValue? Result, HclType? ResultType, IReadOnlyList<(DiagnosticSeverity, SourcePos, SourcePos)>? Diagnostics, bool ExpectNoTraversals)
    {
        public static Expectations Read(string path)
        {
            var parsed = HclSyntax.ParseConfig(File.ReadAllBytes(path), path);
            Assert.False(parsed.HasErrors, parsed.Diagnostics.ToString());
            var body = parsed.Root.Body;
            HclValue? result = body.GetAttribute("result") is { } r ? HcldecSpecParser.Eval(r.Expression) : null;
            HclType? type = body.GetAttribute("result_type") is { } t ? HcldecSpecParser.TypeOf(t.Expression) : null;
            List<(DiagnosticSeverity, SourcePos, SourcePos)>? diags = null;
            var noTraversals = false;
            foreach (var b in body.Blocks)
            {
                if (b.Type == "traversals")
                {
                    noTraversals = b.Body.Blocks.Count == 0;
                    continue;
                }
                if (b.Type != "diagnostics")
                    continue;
                diags = [];
                foreach (var d in b.Body.Blocks)
                {
                    var sev = d.Type == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                    diags.Add((sev, Pos(d.Body, "from"), Pos(d.Body, "to")));
                }
            }
            return new Expectations(result, type, diags, noTraversals);
        }

        private static SourcePos Pos(Body body, string name)
        {
            var b = body.Blocks.Single(x => x.Type == name).Body;
            int Get(string a) => HcldecSpecParser.Eval(b.GetAttribute(a)!.Expression).AsNumber().TryToLong(out var n) ? (int)n : -1;
            return new SourcePos(Get("line"), Get("column"), Get("byte"));
        }
    }
}
