using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// A body whose attributes all evaluate to <c>DynamicVal</c>: stands in for a <c>dynamic</c> block whose
/// <c>for_each</c> is unknown, keeping the template body's structure and source ranges.
/// </summary>
internal sealed class UnknownBody(IHclBody template) : IHclBody
{
    public SourceRange MissingItemRange => template.MissingItemRange;

    public ContentResult Content(BodySchema schema)
    {
        var (content, diags) = template.Content(schema);
        return new ContentResult(Fixup(content), diags);
    }

    public PartialContentResult PartialContent(BodySchema schema)
    {
        var (content, remain, diags) = template.PartialContent(schema);
        return new PartialContentResult(Fixup(content), new UnknownBody(remain), diags);
    }

    public JustAttributesResult JustAttributes()
    {
        var (attrs, diags) = template.JustAttributes();
        return new JustAttributesResult(FixupAttrs(attrs), diags);
    }

    private static BodyContent Fixup(BodyContent got)
    {
        var blocks = new List<HclBlock>(got.Blocks.Count);
        foreach (var b in got.Blocks)
            blocks.Add(b with { Body = new UnknownBody(b.Body) });
        return new BodyContent(FixupAttrs(got.Attributes), blocks, got.MissingItemRange);
    }

    private static HclAttributes FixupAttrs(HclAttributes got)
    {
        var ret = new HclAttributes();
        foreach (var a in got.InOrder)
            ret.Add(a with { Expression = new StaticExpression(HclValue.DynamicVal, a.Expression.Range) });
        return ret;
    }
}
