using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;

namespace Provisioner.Hcl.Json;

/// <summary>
/// An HCL body in the JSON syntax (HCL's <c>json.body</c>): a JSON object, or an array of objects whose properties
/// are visited in order. Which properties are attributes and which are blocks is decided by the schema only;
/// block labels are nested object levels; <c>"//"</c> properties are comments.
/// </summary>
internal sealed class JsonBody : IHclBody
{
    private readonly JsonNode _value;
    private readonly HashSet<string>? _hidden;

    public JsonBody(JsonNode value, HashSet<string>? hidden = null)
    {
        _value = value;
        _hidden = hidden;
    }

    public SourceRange MissingItemRange => _value switch
    {
        JsonObjectNode o => o.CloseRange,
        JsonArrayNode a => a.OpenRange,
        _ => _value.StartRange,
    };

    public ContentResult Content(BodySchema schema)
    {
        var (content, remain, diags) = PartialContent(schema);
        var hidden = ((JsonBody)remain)._hidden!;
        var suggestions = new List<string>();
        foreach (var a in schema.Attributes)
        {
            if (!hidden.Contains(a.Name))
                suggestions.Add(a.Name);
        }
        foreach (var b in schema.Blocks)
            suggestions.Add(b.Type);
        // PartialContent has already reported malformed body values; collect quietly.
        foreach (var prop in CollectDeepAttrs(_value, null, new DiagnosticList()))
        {
            if (prop.Name == "//" || hidden.Contains(prop.Name))
                continue;
            var suggestion = NameSuggestion.Find(prop.Name, suggestions);
            diags.Add(Diagnostic.Error("Extraneous JSON object property",
                $"No argument or block type is named \"{prop.Name}\".{(suggestion.Length > 0 ? $" Did you mean \"{suggestion}\"?" : "")}",
                prop.NameRange, prop.Range));
        }
        return new ContentResult(content, diags);
    }

    public PartialContentResult PartialContent(BodySchema schema)
    {
        var diags = new DiagnosticList();
        var props = CollectDeepAttrs(_value, null, diags);
        var used = _hidden != null ? new HashSet<string>(_hidden, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        var attrs = new HclAttributes();
        var blocks = new List<HclBlock>();
        var attrSchemas = new Dictionary<string, AttributeSchema>(StringComparer.Ordinal);
        var blockSchemas = new Dictionary<string, BlockHeaderSchema>(StringComparer.Ordinal);
        foreach (var a in schema.Attributes)
            attrSchemas[a.Name] = a;
        foreach (var b in schema.Blocks)
            blockSchemas[b.Type] = b;

        foreach (var prop in props)
        {
            var name = prop.Name;
            if (_hidden != null && _hidden.Contains(name))
                continue;
            if (attrSchemas.ContainsKey(name))
            {
                if (attrs.TryGetValue(name, out var existing))
                {
                    diags.Add(Diagnostic.Error("Duplicate argument",
                        $"The argument \"{name}\" was already set at {existing.Range}.", prop.NameRange, prop.Range));
                    continue;
                }
                attrs.Add(new HclAttribute(name, new JsonExpression(prop.Value), prop.Range, prop.NameRange));
                used.Add(name);
            }
            else if (blockSchemas.TryGetValue(name, out var blockSchema))
            {
                UnpackBlock(prop.Value, blockSchema.Type, prop.NameRange, blockSchema.LabelNames, 0, new string[blockSchema.LabelNames.Count],
                    new SourceRange[blockSchema.LabelNames.Count], blocks, diags);
                used.Add(name);
            }
        }

        foreach (var a in schema.Attributes)
        {
            if (a.Required && !attrs.ContainsKey(a.Name))
            {
                diags.Add(Diagnostic.Error("Missing required argument",
                    $"The argument \"{a.Name}\" is required, but no definition was found.", MissingItemRange));
            }
        }

        var content = new BodyContent(attrs, blocks, MissingItemRange);
        return new PartialContentResult(content, new JsonBody(_value, used), diags);
    }

    public JustAttributesResult JustAttributes()
    {
        var diags = new DiagnosticList();
        var attrs = new HclAttributes();
        if (_value is not JsonObjectNode obj)
        {
            diags.Add(Diagnostic.Error("Incorrect JSON value type",
                "A JSON object is required here, setting the arguments for this block.", _value.StartRange));
            return new JustAttributesResult(attrs, diags);
        }
        foreach (var prop in obj.Properties)
        {
            var name = prop.Name;
            if (name == "//" || (_hidden != null && _hidden.Contains(name)))
                continue;
            if (attrs.TryGetValue(name, out var existing))
            {
                diags.Add(Diagnostic.Error("Duplicate attribute definition",
                    $"The argument \"{name}\" was already set at {existing.Range}.", prop.NameRange));
                continue;
            }
            attrs.Add(new HclAttribute(name, new JsonExpression(prop.Value), prop.Range, prop.NameRange));
        }
        return new JustAttributesResult(attrs, diags);
    }

    private static void UnpackBlock(JsonNode v, string type, SourceRange typeRange, IReadOnlyList<string> labelNames, int depth,
        string[] labels, SourceRange[] labelRanges, List<HclBlock> blocks, DiagnosticList diags)
    {
        if (depth < labelNames.Count)
        {
            var labelName = labelNames[depth];
            var props = CollectDeepAttrs(v, labelName, diags);
            if (props.Count == 0)
            {
                diags.Add(Diagnostic.Error("Missing block label",
                    $"At least one object property is required, whose name represents the {type} block's {labelName}.", v.StartRange));
                return;
            }
            foreach (var p in props)
            {
                labels[depth] = p.Name;
                labelRanges[depth] = p.NameRange;
                UnpackBlock(p.Value, type, typeRange, labelNames, depth + 1, labels, labelRanges, blocks, diags);
            }
            return;
        }

        switch (v)
        {
            case JsonKeywordNode { Keyword: JsonKeyword.Null }:
                return; // no block content
            case JsonObjectNode o:
                blocks.Add(new HclBlock(type, [.. labels], new JsonBody(o), o.OpenRange, typeRange, [.. labelRanges]));
                return;
            case JsonArrayNode a:
                foreach (var item in a.Items)
                    blocks.Add(new HclBlock(type, [.. labels], new JsonBody(item), a.OpenRange, typeRange, [.. labelRanges]));
                return;
            default:
                diags.Add(Diagnostic.Error("Incorrect JSON value type",
                    $"Either a JSON object or a JSON array is required, representing the contents of one or more \"{type}\" blocks.", v.StartRange));
                return;
        }
    }

    // Flattens an object, or an array of objects, into its properties in order (labels or body content).
    private static List<JsonProperty> CollectDeepAttrs(JsonNode v, string? labelName, DiagnosticList diags)
    {
        var result = new List<JsonProperty>();
        switch (v)
        {
            case JsonKeywordNode { Keyword: JsonKeyword.Null }:
                break;
            case JsonObjectNode o:
                result.AddRange(o.Properties);
                break;
            case JsonArrayNode a:
                foreach (var item in a.Items)
                {
                    if (item is JsonObjectNode io)
                    {
                        result.AddRange(io.Properties);
                        continue;
                    }
                    diags.Add(Diagnostic.Error("Incorrect JSON value type",
                        labelName != null
                            ? $"A JSON object is required here, to specify {labelName} labels for this block."
                            : "A JSON object is required here, to define arguments and child blocks.",
                        item.StartRange));
                }
                break;
            default:
                diags.Add(Diagnostic.Error("Incorrect JSON value type",
                    labelName != null
                        ? $"Either a JSON object or JSON array of objects is required here, to specify {labelName} labels for this block."
                        : "Either a JSON object or JSON array of objects is required here, to define arguments and child blocks.",
                    v.StartRange));
                break;
        }
        return result;
    }
}
