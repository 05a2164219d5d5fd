using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>What a body contained for a schema: attributes by name and blocks in source order (HCL's <c>hcl.BodyContent</c>).</summary>
public sealed record BodyContent(HclAttributes Attributes, IReadOnlyList<HclBlock> Blocks, SourceRange MissingItemRange)
{
    /// <summary>The blocks of one type, in order.</summary>
    public IReadOnlyList<HclBlock> BlocksOfType(string type)
    {
        var r = new List<HclBlock>();
        foreach (var b in Blocks)
        {
            if (b.Type == type)
                r.Add(b);
        }

        return r;
    }
}
