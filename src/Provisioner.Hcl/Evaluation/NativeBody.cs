using System.Collections.Frozen;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// A native-syntax body behind the generic <see cref="IHclBody"/> interface, with hclsyntax's schema
/// diagnostics. Items taken by <see cref="PartialContent"/> are hidden in the returned remainder.
/// </summary>
public sealed class NativeBody : IHclBody
{
    private static readonly FrozenSet<string> None = FrozenSet<string>.Empty;
    private readonly FrozenSet<string> _hiddenAttrs;
    private readonly FrozenSet<string> _hiddenBlocks;

    public NativeBody(Body syntax)
        : this(syntax, None, None)
    {
    }

    private NativeBody(Body syntax, FrozenSet<string> hiddenAttrs, FrozenSet<string> hiddenBlocks)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        Syntax = syntax;
        _hiddenAttrs = hiddenAttrs;
        _hiddenBlocks = hiddenBlocks;
    }

    /// <summary>The body of a parsed file.</summary>
    public static NativeBody FromFile(ConfigFile file) => new(file.Body);

    public Body Syntax { get; }

    public SourceRange MissingItemRange
    {
        get
        {
            var r = Syntax.Range;
            return new SourceRange(r.Filename, r.Start, r.Start);
        }
    }

    public ContentResult Content(BodySchema schema)
    {
        var (content, remain, diags) = PartialContent(schema);
        var rb = (NativeBody)remain;
        foreach (var attr in Syntax.Attributes)
        {
            if (rb._hiddenAttrs.Contains(attr.Name))
                continue;
            var candidates = new List<string>();
            foreach (var s in schema.Attributes)
            {
                if (!content.Attributes.ContainsKey(s.Name))
                    candidates.Add(s.Name);
            }

            var suggestion = NameSuggestion.Find(attr.Name, candidates);
            string hint;
            if (suggestion.Length > 0)
            {
                hint = $" Did you mean \"{suggestion}\"?";
            }
            else
            {
                hint = "";
                foreach (var b in schema.Blocks)
                {
                    if (b.Type == attr.Name)
                    {
                        hint = $" Did you mean to define a block of type \"{attr.Name}\"?";
                        break;
                    }
                }
            }

            diags.Error("Unsupported argument", $"An argument named \"{attr.Name}\" is not expected here.{hint}", attr.NameRange);
        }

        foreach (var block in Syntax.Blocks)
        {
            if (rb._hiddenBlocks.Contains(block.Type))
                continue;
            var candidates = new List<string>();
            foreach (var s in schema.Blocks)
                candidates.Add(s.Type);
            var suggestion = NameSuggestion.Find(block.Type, candidates);
            string hint;
            if (suggestion.Length > 0)
            {
                hint = $" Did you mean \"{suggestion}\"?";
            }
            else
            {
                hint = "";
                foreach (var a in schema.Attributes)
                {
                    if (a.Name == block.Type)
                    {
                        hint = $" Did you mean to define argument \"{block.Type}\"? If so, use the equals sign to assign it a value.";
                        break;
                    }
                }
            }

            diags.Error("Unsupported block type", $"Blocks of type \"{block.Type}\" are not expected here.{hint}", block.TypeRange);
        }

        return new ContentResult(content, diags);
    }

    public PartialContentResult PartialContent(BodySchema schema)
    {
        var attrs = new HclAttributes();
        var blocks = new List<HclBlock>();
        var diags = new DiagnosticList();
        var hiddenAttrs = new HashSet<string>(_hiddenAttrs, StringComparer.Ordinal);
        var hiddenBlocks = new HashSet<string>(_hiddenBlocks, StringComparer.Ordinal);

        foreach (var s in schema.Attributes)
        {
            var attr = Syntax.GetAttribute(s.Name);
            if (attr is null || _hiddenAttrs.Contains(s.Name))
            {
                if (s.Required)
                {
                    diags.Error("Missing required argument", $"The argument \"{s.Name}\" is required, but no definition was found.", MissingItemRange);
                }

                continue;
            }

            hiddenAttrs.Add(s.Name);
            attrs.Add(ToAttribute(attr));
        }

        var wanted = new Dictionary<string, BlockHeaderSchema>(StringComparer.Ordinal);
        foreach (var b in schema.Blocks)
            wanted[b.Type] = b;

        foreach (var block in Syntax.Blocks)
        {
            if (_hiddenBlocks.Contains(block.Type) || !wanted.TryGetValue(block.Type, out var bs))
                continue;
            var labelRanges = block.LabelRanges;
            var headerContext = SourceRange.Between(block.TypeRange, block.OpenBraceRange);
            if (block.Labels.Count > bs.LabelNames.Count)
            {
                var name = block.Type;
                if (bs.LabelNames.Count == 0)
                {
                    diags.Error($"Extraneous label for {name}", $"No labels are expected for {name} blocks.", labelRanges[0], headerContext);
                }
                else
                {
                    diags.Error($"Extraneous label for {name}",
                        $"Only {bs.LabelNames.Count} labels ({string.Join(", ", bs.LabelNames)}) are expected for {name} blocks.",
                        labelRanges[bs.LabelNames.Count], headerContext);
                }

                continue;
            }

            if (block.Labels.Count < bs.LabelNames.Count)
            {
                diags.Error($"Missing {bs.LabelNames[block.Labels.Count]} for {block.Type}",
                    $"All {block.Type} blocks must have {bs.LabelNames.Count} labels ({string.Join(", ", bs.LabelNames)}).",
                    block.OpenBraceRange, headerContext);
                continue;
            }

            blocks.Add(ToBlock(block));
        }

        foreach (var b in schema.Blocks)
            hiddenBlocks.Add(b.Type);

        var remain = new NativeBody(Syntax, hiddenAttrs.ToFrozenSet(StringComparer.Ordinal), hiddenBlocks.ToFrozenSet(StringComparer.Ordinal));
        return new PartialContentResult(new BodyContent(attrs, blocks, MissingItemRange), remain, diags);
    }

    public JustAttributesResult JustAttributes()
    {
        var attrs = new HclAttributes();
        var diags = new DiagnosticList();
        foreach (var block in Syntax.Blocks)
        {
            if (_hiddenBlocks.Contains(block.Type))
                continue;
            diags.Error($"Unexpected \"{block.Type}\" block", "Blocks are not allowed here.", block.TypeRange);
            break;
        }

        foreach (var attr in Syntax.Attributes)
        {
            if (!_hiddenAttrs.Contains(attr.Name))
                attrs.Add(ToAttribute(attr));
        }

        return new JustAttributesResult(attrs, diags);
    }

    /// <summary>The generic form of a native attribute.</summary>
    public static HclAttribute ToAttribute(Syntax.Attribute attr) =>
        new(attr.Name, new NativeExpression(attr.Expression), attr.Range, attr.NameRange);

    /// <summary>The generic form of a native block.</summary>
    public static HclBlock ToBlock(Block block)
    {
        var labelRanges = block.LabelRanges;
        var last = labelRanges.Count > 0 ? labelRanges[^1] : block.TypeRange;
        return new HclBlock(block.Type, block.Labels, new NativeBody(block.Body), SourceRange.Between(block.TypeRange, last), block.TypeRange, labelRanges);
    }
}
