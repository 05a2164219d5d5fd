using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Conformance;

/// <summary>
/// Reads an hcldec spec file (see the specsuite's <c>upstream-docs/cmd/hcldec/spec-format.md</c>) with our own parser:
/// one top-level spec block, plus an optional <c>variables</c> block for the evaluation context.
/// </summary>
internal static class HcldecSpecParser
{
    public static (DecoderSpec Spec, IReadOnlyDictionary<string, HclValue> Variables) Parse(string path)
    {
        var parsed = HclSyntax.ParseConfig(File.ReadAllBytes(path), path);
        if (parsed.HasErrors)
            throw new InvalidDataException($"spec file {path} does not parse: {parsed.Diagnostics}");

        var variables = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        DecoderSpec? root = null;
        foreach (var block in parsed.Root.Body.Blocks)
        {
            if (block.Type == "variables")
            {
                foreach (var a in block.Body.Attributes)
                    variables[a.Name] = Eval(a.Expression);
                continue;
            }
            if (root is not null)
                throw new InvalidDataException($"{path}: more than one root spec");
            root = ParseSpec(block, defaultName: null);
        }
        return (root ?? throw new InvalidDataException($"{path}: no root spec"), variables);
    }

    private static DecoderSpec ParseSpec(Block b, string? defaultName)
    {
        var body = b.Body;
        string Name(string attr) =>
            body.GetAttribute(attr) is { } a ? Eval(a.Expression).AsString()
            : defaultName ?? throw new InvalidDataException($"{b.Type} spec needs {attr}");
        bool Flag(string attr) => body.GetAttribute(attr) is { } a && Eval(a.Expression).AsBool();
        int Int(string attr) => body.GetAttribute(attr) is { } a ? (Eval(a.Expression).AsNumber().TryToLong(out var n) ? (int)n : 0) : 0;
        DecoderSpec Nested() => body.Blocks.Count == 1
            ? ParseSpec(body.Blocks[0], null)
            : throw new InvalidDataException($"{b.Type} spec needs exactly one nested spec");

        switch (b.Type)
        {
            case "object":
                return new ObjectSpec(body.Blocks.Select(nb =>
                    (nb.Labels.Count == 1 ? nb.Labels[0] : throw new InvalidDataException("object properties need a name label"),
                     ParseSpec(nb, nb.Labels[0]))).ToList());
            case "array":
                return new ArraySpec(body.Blocks.Select(nb => ParseSpec(nb, null)).ToList());
            case "attr":
                {
                    var type = body.GetAttribute("type") is { } t ? TypeOf(t.Expression) : HclType.Dynamic;
                    return new AttrSpec(Name("name"), type, Flag("required"));
                }
            case "block":
                return new BlockSpec(Name("block_type"), Flag("required"), Nested());
            case "block_list":
                return new BlockListSpec(Name("block_type"), Int("min_items"), Int("max_items"), Nested(), IsSet: false);
            case "block_set":
                return new BlockListSpec(Name("block_type"), Int("min_items"), Int("max_items"), Nested(), IsSet: true);
            case "block_map":
                {
                    var labels = Eval(body.GetAttribute("labels")!.Expression).Elements.Select(e => e.AsString()).ToList();
                    return new BlockMapSpec(Name("block_type"), labels, Nested());
                }
            case "literal":
                return new LiteralSpec(Eval(body.GetAttribute("value")!.Expression));
            case "default":
                return new DefaultSpec(ParseSpec(body.Blocks[0], defaultName), ParseSpec(body.Blocks[1], defaultName));
            default:
                throw new InvalidDataException($"unsupported spec block type {b.Type}");
        }
    }

    internal static HclValue Eval(Expression e)
    {
        var r = HclEvaluator.Evaluate(e, new EvalContext(new Dictionary<string, HclValue>(), Provisioner.Hcl.Functions.FunctionTable.Empty));
        if (r.HasErrors)
            throw new InvalidDataException(r.Diagnostics.ToString());
        return r.Value;
    }

    internal static HclType TypeOf(Expression e)
    {
        var r = TypeExpressions.GetTypeConstraintWithoutDefaults(e);
        if (r.HasErrors)
            throw new InvalidDataException(r.Diagnostics.ToString());
        return r.Type;
    }
}
