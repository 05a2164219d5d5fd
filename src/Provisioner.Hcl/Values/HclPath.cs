using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Values;

/// <summary>
/// A location inside a value (attribute names and indexes), formatted like Terraform paths:
/// <c>.tags["a"]</c>, <c>[0].name</c>. Immutable linked list so steps are cheap to add.
/// </summary>
public sealed class HclPath
{
    private enum StepKind : byte
    {
        Attribute,
        StringKey,
        IntIndex,
    }

    private readonly HclPath? _parent;
    private readonly StepKind _kind;
    private readonly string? _name;
    private readonly long _index;

    private HclPath(HclPath? parent, StepKind kind, string? name, long index)
    {
        _parent = parent;
        _kind = kind;
        _name = name;
        _index = index;
    }

    /// <summary>The empty path (the value itself); represented as null in APIs taking <c>HclPath?</c>.</summary>
    public static HclPath? Root => null;

    public static HclPath Attribute(HclPath? parent, string name) => new(parent, StepKind.Attribute, name, 0);

    public static HclPath Key(HclPath? parent, string key) => new(parent, StepKind.StringKey, key, 0);

    public static HclPath Index(HclPath? parent, long index) => new(parent, StepKind.IntIndex, null, index);

    public override string ToString()
    {
        var steps = new List<HclPath>();
        for (var p = this; p is not null; p = p._parent)
        {
            steps.Add(p);
        }

        var sb = new StringBuilder();
        for (int i = steps.Count - 1; i >= 0; i--)
        {
            var s = steps[i];
            switch (s._kind)
            {
                case StepKind.Attribute:
                    sb.Append('.').Append(s._name);
                    break;
                case StepKind.StringKey:
                    sb.Append('[');
                    HclValue.WriteQuoted(sb, s._name!);
                    sb.Append(']');
                    break;
                default:
                    sb.Append('[').Append(s._index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Formats a possibly empty path.</summary>
    public static string Format(HclPath? path) => path?.ToString() ?? "";
}
