using System.Globalization;
using System.Text;

namespace Provisioner.Sdk;

/// <summary>A path into an object value: <c>labels["role"]</c>, <c>listener[0].port</c>.</summary>
/// <remarks>Used for "forces replacement" reasons, sensitive paths in state, and <c>ignore_changes</c>.</remarks>
public sealed record AttributePath(IReadOnlyList<PathStep> Steps)
{
    public static AttributePath Root { get; } = new([]);

    public static AttributePath Attr(string name) => new([PathStep.Attr(name)]);

    public AttributePath Then(PathStep step) => new([.. Steps, step]);

    public AttributePath ThenAttr(string name) => Then(PathStep.Attr(name));

    public AttributePath ThenKey(string key) => Then(PathStep.Key(key));

    public AttributePath ThenIndex(long index) => Then(PathStep.At(index));

    public bool StartsWith(AttributePath prefix)
    {
        if (prefix.Steps.Count > Steps.Count)
            return false;
        for (var i = 0; i < prefix.Steps.Count; i++)
        {
            if (prefix.Steps[i] != Steps[i])
                return false;
        }
        return true;
    }

    public bool Equals(AttributePath? other) => other is not null && other.Steps.SequenceEqual(Steps);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var s in Steps)
            h.Add(s);
        return h.ToHashCode();
    }

    /// <summary>HCL traversal syntax: <c>labels["role"]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var s in Steps)
        {
            switch (s.Kind)
            {
                case PathStepKind.Attribute:
                    if (sb.Length > 0)
                        sb.Append('.');
                    sb.Append(s.Name);
                    break;
                case PathStepKind.Key:
                    sb.Append("[\"").Append(s.Name!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
                    break;
                default:
                    sb.Append('[').Append(s.Position.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
            }
        }
        return sb.ToString();
    }
}
