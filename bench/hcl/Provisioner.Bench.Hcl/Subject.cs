using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Bench.Hcl;

/// <summary>What is being measured: our HCL parser, the evaluator and the hcl2json-compatible emitter.</summary>
internal static class Subject
{
    /// <summary>Null when the parser can be measured; otherwise why not.</summary>
    public static string? ParserMissing => null;

    /// <summary>Null when parse + evaluate can be measured; otherwise why not.</summary>
    public static string? EvaluatorMissing => null;

    /// <summary>Null when parse + to-json can be measured; otherwise why not.</summary>
    public static string? EmitterMissing => null;

    /// <summary>Parses one file; returns the tree (kept alive by the caller) and whether it had errors.</summary>
    public static (object Tree, bool HasErrors) Parse(ReadOnlyMemory<byte> source, string filename)
    {
        var result = HclSyntax.ParseConfig(source, filename);
        return (result, result.HasErrors);
    }

    /// <summary>
    /// Reads every node of a tree from <see cref="Parse"/>, including the parts the tree builds on first read
    /// (traversal steps, plain string parts, bare object keys), as evaluation or conversion would.
    /// </summary>
    public static void ReadEveryNode(object tree)
    {
        var result = (Provisioner.Hcl.Syntax.ParseResult<ConfigFile>)tree;
        foreach (var node in result.Root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case ScopeTraversalExpr s:
                    GC.KeepAlive(s.Steps);
                    break;
                case ObjectConsExpr o:
                    foreach (var item in o.Items)
                        GC.KeepAlive(item.Key.Wrapped);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Parse, then the hcl2json-shaped JSON text (what <c>hcl to-json</c> prints).</summary>
    public static (string Json, bool HasErrors) ToJson(ReadOnlyMemory<byte> source, string filename)
    {
        var result = HclToJson.Convert(source, filename);
        return (result.Json, result.Diagnostics.HasErrors);
    }

    /// <summary>
    /// An evaluation scope for one file, built once outside the timings, the way a plan sees a module:
    /// input variables, locals and <c>each</c> are known; resources, data sources, modules and block
    /// iterators are unknown. Functions: the standard library.
    /// </summary>
    public static EvalContext CreateContext(ReadOnlyMemory<byte> source, string filename)
    {
        var parsed = HclSyntax.ParseConfig(source, filename);
        var roots = new SortedSet<string>(StringComparer.Ordinal);
        var varAttrs = new SortedSet<string>(StringComparer.Ordinal);
        var localAttrs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var attr in AllAttributes(parsed.Root.Body))
        {
            foreach (var t in attr.Expression.Variables())
            {
                roots.Add(t.RootName);
                if (t.Steps.Count > 0 && t.Steps[0] is TraverseAttr a)
                {
                    if (t.RootName == "var")
                        varAttrs.Add(a.Name);
                    else if (t.RootName == "local")
                        localAttrs.Add(a.Name);
                }
            }
        }

        static HclValue S(string s) => HclValue.String(s);
        var subnetA = HclValue.Object(("cidr", S("10.0.1.0/24")), ("az", S("us-east-1a")));
        var subnets = HclValue.Map([
            new("a", subnetA),
            new("b", HclValue.Object(("cidr", S("10.0.2.0/24")), ("az", S("us-east-1b")))),
        ]);
        var commonTags = HclValue.Object(("Environment", S("dev")), ("ManagedBy", S("terraform")));
        var variables = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var root in roots)
            variables[root] = HclValue.DynamicVal;
        variables["var"] = HclValue.Object(varAttrs.Select(name => new KeyValuePair<string, HclValue>(name, name switch
        {
            "env" => S("dev"),
            "subnets" => subnets,
            "bucket_prefix" => S("bench-bucket"),
            _ when name.StartsWith("replicas_", StringComparison.Ordinal) => HclValue.Number(2),
            _ => HclValue.DynamicVal,
        })));
        variables["local"] = HclValue.Object(localAttrs.Select(name => new KeyValuePair<string, HclValue>(name, name switch
        {
            "common_tags" => commonTags,
            "team" => S("platform"),
            "team_label_key" => S("team"),
            _ => HclValue.DynamicVal,
        })));
        variables["each"] = HclValue.Object(("key", S("a")), ("value", subnetA));
        // Plus the provider-defined function the generator calls (a stand-in: unknown result, as during a plan).
        var providerFunction = new HclFunction(
            "provider::aws::arn_parse", [new FunctionParameter("arn", HclType.String)], null,
            HclFunction.Returns(HclType.Dynamic), (_, _) => HclValue.DynamicVal);
        var functions = HclFunctions.CreateStandard(new StandardLibraryOptions(Path.GetTempPath(), TimeProvider.System) { PureOnly = true })
            .With([providerFunction]);
        return new EvalContext(variables, functions);
    }

    /// <summary>
    /// Parses, then evaluates every attribute expression once (blocks included, recursively; a variable's
    /// <c>type</c> as a type constraint); returns how many
    /// expressions were evaluated and how many of them reported errors.
    /// </summary>
    public static (int Evaluated, int WithErrors) ParseAndEvaluate(ReadOnlyMemory<byte> source, string filename, EvalContext ctx)
    {
        var parsed = HclSyntax.ParseConfig(source, filename);
        int evaluated = 0, withErrors = 0;
        foreach (var (attr, isTypeConstraint) in AllAttributesWithKind(parsed.Root.Body))
        {
            bool failed = isTypeConstraint
                ? TypeExpressions.GetTypeConstraint(attr.Expression).Diagnostics.HasErrors
                : HclEvaluator.Evaluate(attr.Expression, ctx).HasErrors;
            evaluated++;
            if (failed)
                withErrors++;
        }
        return (evaluated, withErrors);
    }

    /// <summary>The first error message of an evaluation over the file, for the report's footnote.</summary>
    public static string? FirstEvaluationError(ReadOnlyMemory<byte> source, string filename, EvalContext ctx)
    {
        var parsed = HclSyntax.ParseConfig(source, filename);
        foreach (var (attr, isTypeConstraint) in AllAttributesWithKind(parsed.Root.Body))
        {
            var diags = isTypeConstraint
                ? TypeExpressions.GetTypeConstraint(attr.Expression).Diagnostics
                : HclEvaluator.Evaluate(attr.Expression, ctx).Diagnostics;
            if (diags.HasErrors)
                return diags.First(d => d.IsError).ToString();
        }
        return null;
    }

    /// <summary>Every attribute, blocks included; <c>type</c> in a <c>variable</c> block is a type constraint
    /// (evaluated with <see cref="TypeExpressions"/>, as Terraform does), everything else an expression.</summary>
    private static IEnumerable<(Provisioner.Hcl.Syntax.Attribute Attribute, bool IsTypeConstraint)> AllAttributesWithKind(Body body, string? blockType = null)
    {
        foreach (var a in body.Attributes)
            yield return (a, blockType == "variable" && a.Name == "type");
        foreach (var b in body.Blocks)
        {
            foreach (var item in AllAttributesWithKind(b.Body, b.Type))
                yield return item;
        }
    }

    private static IEnumerable<Provisioner.Hcl.Syntax.Attribute> AllAttributes(Body body)
    {
        foreach (var a in body.Attributes)
            yield return a;
        foreach (var b in body.Blocks)
        {
            foreach (var a in AllAttributes(b.Body))
                yield return a;
        }
    }
}
