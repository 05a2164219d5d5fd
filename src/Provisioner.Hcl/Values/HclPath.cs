using System.Globalization;
using System.Text;

namespace Provisioner.Hcl.Values;

/// <summary>
/// A location inside a value (attribute names and indexes), formatted like Terraform paths:
/// <c>.tags["a"]</c>, <c>[0].name</c>. Immutable linked list so steps are cheap to add.
/// </summary>
public sealed class HclPath : IEquatable<HclPath>
{
    private readonly HclPath? _parent;
    private readonly HclPathStepKind _kind;
    private readonly string? _name;
    private readonly long _index;

    private HclPath(HclPath? parent, HclPathStepKind kind, string? name, long index)
    {
        _parent = parent;
        _kind = kind;
        _name = name;
        _index = index;
    }

    /// <summary>The empty path (the value itself); represented as null in APIs taking <c>HclPath?</c>.</summary>
    public static HclPath? Root => null;

    public static HclPath Attribute(HclPath? parent, string name) => new(parent, HclPathStepKind.Attribute, name, 0);

    public static HclPath Key(HclPath? parent, string key) => new(parent, HclPathStepKind.Key, key, 0);

    public static HclPath Index(HclPath? parent, long index) => new(parent, HclPathStepKind.Index, null, index);

    /// <summary>Appends a step to a possibly empty path.</summary>
    public static HclPath Append(HclPath? parent, HclPathStep step) => new(parent, step.Kind, step.Name, step.Index);

    /// <summary>Builds a path from steps (root first); null for no steps.</summary>
    public static HclPath? FromSteps(IEnumerable<HclPathStep> steps)
    {
        HclPath? p = null;
        foreach (var s in steps)
        {
            p = Append(p, s);
        }

        return p;
    }

    /// <summary>The path without its last step (null for a one-step path).</summary>
    public HclPath? Parent => _parent;

    /// <summary>The last step.</summary>
    public HclPathStep LastStep => new(_kind, _name, _index);

    /// <summary>All steps, root first.</summary>
    public IReadOnlyList<HclPathStep> Steps
    {
        get
        {
            var steps = new List<HclPathStep>();
            for (var p = this; p is not null; p = p._parent)
            {
                steps.Add(p.LastStep);
            }

            steps.Reverse();
            return steps;
        }
    }

    public bool Equals(HclPath? other)
    {
        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (a._kind != b._kind || a._index != b._index || !string.Equals(a._name, b._name, StringComparison.Ordinal))
            {
                return false;
            }

            a = a._parent;
            b = b._parent;
        }

        return a is null && b is null;
    }

    public override bool Equals(object? obj) => obj is HclPath p && Equals(p);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

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
                case HclPathStepKind.Attribute:
                    sb.Append('.').Append(s._name);
                    break;
                case HclPathStepKind.Key:
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
