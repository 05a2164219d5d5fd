using System.Text;

namespace Provisioner.Hcl.Values;

/// <summary>
/// An HCL (cty) type: a primitive, a collection (<c>list</c>, <c>set</c>, <c>map</c>), a structural type
/// (<c>object</c>, <c>tuple</c>) or the dynamic pseudo-type. Types are immutable and compared structurally.
/// Object types may carry optional attributes, which only matter as conversion targets (type constraints).
/// </summary>
public sealed class HclType : IEquatable<HclType>
{
    private static readonly IReadOnlySet<string> NoOptional = new HashSet<string>();

    private readonly HclType? _element;
    private readonly SortedStringMap<HclType>? _attributes;
    private readonly IReadOnlySet<string>? _optional;
    private readonly HclType[]? _elements;
    private readonly int _hash;

    private HclType(HclTypeKind kind, HclType? element = null, SortedStringMap<HclType>? attributes = null,
        IReadOnlySet<string>? optional = null, HclType[]? elements = null)
    {
        Kind = kind;
        _element = element;
        _attributes = attributes;
        _optional = optional;
        _elements = elements;
        _hash = ComputeHash();
        HasDynamicTypes = kind switch
        {
            HclTypeKind.Dynamic => true,
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map => element!.HasDynamicTypes,
            HclTypeKind.Object => attributes!.ValueList.Any(t => t.HasDynamicTypes),
            HclTypeKind.Tuple => elements!.Any(t => t.HasDynamicTypes),
            _ => false,
        };
        HasOptionalAttributes = kind switch
        {
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map => element!.HasOptionalAttributes,
            HclTypeKind.Object => optional!.Count > 0 || attributes!.ValueList.Any(t => t.HasOptionalAttributes),
            HclTypeKind.Tuple => elements!.Any(t => t.HasOptionalAttributes),
            _ => false,
        };
    }

    public static HclType String { get; } = new(HclTypeKind.String);

    public static HclType Number { get; } = new(HclTypeKind.Number);

    public static HclType Bool { get; } = new(HclTypeKind.Bool);

    /// <summary>The dynamic pseudo-type (<c>any</c> in type constraints, <c>cty.DynamicPseudoType</c>).</summary>
    public static HclType Dynamic { get; } = new(HclTypeKind.Dynamic);

    /// <summary>Alias of <see cref="Dynamic"/>, with cty's name.</summary>
    public static HclType DynamicPseudoType => Dynamic;

    public static HclType EmptyObject { get; } = new(HclTypeKind.Object, attributes: SortedStringMap<HclType>.Empty, optional: NoOptional);

    public static HclType EmptyTuple { get; } = new(HclTypeKind.Tuple, elements: []);

    public static HclType List(HclType element) => new(HclTypeKind.List, element: element);

    public static HclType Set(HclType element) => new(HclTypeKind.Set, element: element);

    public static HclType Map(HclType element) => new(HclTypeKind.Map, element: element);

    public static HclType Object(IEnumerable<KeyValuePair<string, HclType>> attributes) => Object(attributes, null);

    /// <summary>An object type; <paramref name="optional"/> names attributes that may be absent on conversion.</summary>
    public static HclType Object(IEnumerable<KeyValuePair<string, HclType>> attributes, IEnumerable<string>? optional)
    {
        var map = SortedStringMap<HclType>.Create(attributes.Select(a => new KeyValuePair<string, HclType>(UnicodeNormalizer.ToNfc(a.Key), a.Value)));
        IReadOnlySet<string> opt = NoOptional;
        if (optional is not null)
        {
            var set = new HashSet<string>(optional.Select(UnicodeNormalizer.ToNfc).Where(map.ContainsKey), StringComparer.Ordinal);
            if (set.Count > 0)
            {
                opt = set;
            }
        }

        return map.Count == 0 && opt.Count == 0 ? EmptyObject : new HclType(HclTypeKind.Object, attributes: map, optional: opt);
    }

    /// <summary>An object type from attribute types already normalised and sorted (internal fast path).</summary>
    internal static HclType ObjectFromSorted(SortedStringMap<HclType> attributes) =>
        attributes.Count == 0 ? EmptyObject : new HclType(HclTypeKind.Object, attributes: attributes, optional: NoOptional);

    /// <summary>Convenience: <c>HclType.Object(("a", HclType.String), ("b", HclType.Number))</c>.</summary>
    public static HclType Object(params (string Name, HclType Type)[] attributes) =>
        Object(attributes.Select(a => new KeyValuePair<string, HclType>(a.Name, a.Type)));

    public static HclType Tuple(IEnumerable<HclType> elements)
    {
        var arr = elements.ToArray();
        return arr.Length == 0 ? EmptyTuple : new HclType(HclTypeKind.Tuple, elements: arr);
    }

    public static HclType Tuple(params HclType[] elements) => Tuple((IEnumerable<HclType>)elements);

    public HclTypeKind Kind { get; }

    public bool IsPrimitive => Kind is HclTypeKind.String or HclTypeKind.Number or HclTypeKind.Bool;

    /// <summary>List, set or map.</summary>
    public bool IsCollection => Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map;

    /// <summary>Object or tuple.</summary>
    public bool IsStructural => Kind is HclTypeKind.Object or HclTypeKind.Tuple;

    public bool IsDynamic => Kind == HclTypeKind.Dynamic;

    public bool IsString => Kind == HclTypeKind.String;

    public bool IsNumber => Kind == HclTypeKind.Number;

    public bool IsBool => Kind == HclTypeKind.Bool;

    public bool IsList => Kind == HclTypeKind.List;

    public bool IsSet => Kind == HclTypeKind.Set;

    public bool IsMap => Kind == HclTypeKind.Map;

    public bool IsObject => Kind == HclTypeKind.Object;

    public bool IsTuple => Kind == HclTypeKind.Tuple;

    /// <summary>True for list, set, tuple (sequence-like).</summary>
    public bool IsSequence => Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple;

    /// <summary>Element type of a list, set or map; throws for other kinds (programming error).</summary>
    public HclType ElementType => _element ?? throw new InvalidOperationException($"{FriendlyName} has no element type");

    /// <summary>Attribute types of an object (sorted by name); empty for other kinds.</summary>
    public IReadOnlyDictionary<string, HclType> AttributeTypes => _attributes ?? SortedStringMap<HclType>.Empty;

    /// <summary>The attribute types of an object type as the sorted map itself (null for other kinds).</summary>
    internal SortedStringMap<HclType>? AttributeMap => _attributes;

    /// <summary>Names of optional attributes of an object type (type constraints only).</summary>
    public IReadOnlySet<string> OptionalAttributes => _optional ?? NoOptional;

    /// <summary>Element types of a tuple; empty for other kinds.</summary>
    public IReadOnlyList<HclType> TupleElementTypes => _elements ?? [];

    public bool HasAttribute(string name) => _attributes is not null && _attributes.ContainsKey(UnicodeNormalizer.ToNfc(name));

    public bool IsOptionalAttribute(string name) => _optional is not null && _optional.Contains(UnicodeNormalizer.ToNfc(name));

    /// <summary>Type of an object attribute; throws if absent (check with <see cref="HasAttribute"/>).</summary>
    public HclType AttributeType(string name) =>
        _attributes is not null && _attributes.TryGetValue(UnicodeNormalizer.ToNfc(name), out var t) ? t : throw new KeyNotFoundException($"no attribute \"{name}\"");

    /// <summary>True if the type is or contains the dynamic pseudo-type.</summary>
    public bool HasDynamicTypes { get; }

    /// <summary>True if this or a nested object type has optional attributes.</summary>
    public bool HasOptionalAttributes { get; }

    /// <summary>The same type with all optional-attribute markers removed (recursively).</summary>
    public HclType WithoutOptionalAttributes()
    {
        if (!HasOptionalAttributes)
        {
            return this;
        }

        return Kind switch
        {
            HclTypeKind.List => List(_element!.WithoutOptionalAttributes()),
            HclTypeKind.Set => Set(_element!.WithoutOptionalAttributes()),
            HclTypeKind.Map => Map(_element!.WithoutOptionalAttributes()),
            HclTypeKind.Object => new HclType(HclTypeKind.Object, attributes: _attributes!.Select((_, t) => t.WithoutOptionalAttributes()), optional: NoOptional),
            HclTypeKind.Tuple => Tuple(_elements!.Select(t => t.WithoutOptionalAttributes())),
            _ => this,
        };
    }

    /// <summary>
    /// cty's <c>FriendlyName</c>, used in error messages: <c>string</c>, <c>list of string</c>, <c>map of number</c>,
    /// <c>object</c>, <c>tuple</c>, <c>dynamic</c>.
    /// </summary>
    public string FriendlyName => Kind switch
    {
        HclTypeKind.String => "string",
        HclTypeKind.Number => "number",
        HclTypeKind.Bool => "bool",
        HclTypeKind.List => "list of " + _element!.FriendlyName,
        HclTypeKind.Set => "set of " + _element!.FriendlyName,
        HclTypeKind.Map => "map of " + _element!.FriendlyName,
        HclTypeKind.Object => "object",
        HclTypeKind.Tuple => "tuple",
        _ => "dynamic",
    };

    /// <summary>cty's <c>FriendlyNameForConstraint</c>: like <see cref="FriendlyName"/> but dynamic reads "any type".</summary>
    public string FriendlyNameForConstraint => Kind switch
    {
        HclTypeKind.List => "list of " + _element!.FriendlyNameForConstraint,
        HclTypeKind.Set => "set of " + _element!.FriendlyNameForConstraint,
        HclTypeKind.Map => "map of " + _element!.FriendlyNameForConstraint,
        HclTypeKind.Dynamic => "any type",
        _ => FriendlyName,
    };

    /// <summary>
    /// The type in HCL type-constraint syntax (<c>typeexpr.TypeString</c>): <c>list(string)</c>,
    /// <c>object({a=string,b=optional(number)})</c>, <c>tuple([string,bool])</c>, <c>any</c>.
    /// </summary>
    public string ToTypeExpressionString()
    {
        var sb = new StringBuilder();
        WriteTypeExpression(sb);
        return sb.ToString();
    }

    private void WriteTypeExpression(StringBuilder sb)
    {
        switch (Kind)
        {
            case HclTypeKind.String: sb.Append("string"); break;
            case HclTypeKind.Number: sb.Append("number"); break;
            case HclTypeKind.Bool: sb.Append("bool"); break;
            case HclTypeKind.Dynamic: sb.Append("any"); break;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Map:
                sb.Append(Kind == HclTypeKind.List ? "list(" : Kind == HclTypeKind.Set ? "set(" : "map(");
                _element!.WriteTypeExpression(sb);
                sb.Append(')');
                break;
            case HclTypeKind.Object:
                sb.Append("object({");
                bool first = true;
                foreach (var (name, t) in _attributes!)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    sb.Append(name).Append('=');
                    if (IsOptionalAttribute(name))
                    {
                        sb.Append("optional(");
                        t.WriteTypeExpression(sb);
                        sb.Append(')');
                    }
                    else
                    {
                        t.WriteTypeExpression(sb);
                    }
                }

                sb.Append("})");
                break;
            case HclTypeKind.Tuple:
                sb.Append("tuple([");
                for (int i = 0; i < _elements!.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    _elements[i].WriteTypeExpression(sb);
                }

                sb.Append("])");
                break;
        }
    }

    /// <summary>
    /// True if a value of this type conforms to <paramref name="constraint"/>: equal, except that the dynamic
    /// pseudo-type in the constraint matches anything (cty <c>TestConformance</c>).
    /// </summary>
    public bool Conforms(HclType constraint)
    {
        if (constraint.IsDynamic)
        {
            return true;
        }

        if (Kind != constraint.Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Map:
                return _element!.Conforms(constraint._element!);
            case HclTypeKind.Object:
                if (_attributes!.Count != constraint._attributes!.Count)
                {
                    return false;
                }

                foreach (var (name, t) in _attributes)
                {
                    if (!constraint._attributes.TryGetValue(name, out var ct) || !t.Conforms(ct))
                    {
                        return false;
                    }
                }

                return true;
            case HclTypeKind.Tuple:
                if (_elements!.Length != constraint._elements!.Length)
                {
                    return false;
                }

                for (int i = 0; i < _elements.Length; i++)
                {
                    if (!_elements[i].Conforms(constraint._elements[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    public bool Equals(HclType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind || other._hash != _hash)
        {
            return false;
        }

        switch (Kind)
        {
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Map:
                return _element!.Equals(other._element);
            case HclTypeKind.Object:
                if (_attributes!.Count != other._attributes!.Count || _optional!.Count != other._optional!.Count)
                {
                    return false;
                }

                for (int i = 0; i < _attributes.Count; i++)
                {
                    if (!string.Equals(_attributes.KeyList[i], other._attributes.KeyList[i], StringComparison.Ordinal)
                        || !_attributes.ValueList[i].Equals(other._attributes.ValueList[i]))
                    {
                        return false;
                    }
                }

                return _optional.SetEquals(other._optional);
            case HclTypeKind.Tuple:
                return _elements!.AsSpan().SequenceEqual(other._elements);
            default:
                return true;
        }
    }

    public override bool Equals(object? obj) => obj is HclType t && Equals(t);

    public override int GetHashCode() => _hash;

    private int ComputeHash()
    {
        var h = default(HashCode);
        h.Add(Kind);
        switch (Kind)
        {
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Map:
                h.Add(_element!.GetHashCode());
                break;
            case HclTypeKind.Object:
                foreach (var (name, t) in _attributes!)
                {
                    h.Add(name, StringComparer.Ordinal);
                    h.Add(t.GetHashCode());
                    h.Add(_optional!.Contains(name));
                }

                break;
            case HclTypeKind.Tuple:
                foreach (var t in _elements!)
                {
                    h.Add(t.GetHashCode());
                }

                break;
        }

        return h.ToHashCode();
    }

    public static bool operator ==(HclType? a, HclType? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(HclType? a, HclType? b) => !(a == b);

    /// <summary>The type expression form, for debugging.</summary>
    public override string ToString() => ToTypeExpressionString();
}
