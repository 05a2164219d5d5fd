namespace Provisioner.Hcl;

/// <summary>An expected block type of a body and the names of its labels (<c>resource "type" "name"</c> has two).</summary>
public sealed record BlockHeaderSchema(string Type, IReadOnlyList<string> LabelNames)
{
    public BlockHeaderSchema(string type)
        : this(type, [])
    {
    }
}
