using System.Numerics;

namespace Provisioner.Hcl.Values;

/// <summary>
/// An immutable HCL (cty) value: a known value of some <see cref="HclType"/>, a typed null, or a typed unknown
/// ("known after apply"), optionally carrying <see cref="HclMarks"/> such as <c>sensitive</c>.
/// </summary>
/// <remarks>
/// Strings are NFC-normalised on construction. Maps and objects iterate in key order, sets in cty's order
/// (strings lexicographically, numbers numerically, false before true, otherwise a stable rule, unknowns last).
/// Marks on set elements move to the set itself, as in cty. <see cref="object.Equals(object)"/> is
/// <see cref="RawEquals"/>; the HCL <c>==</c> operator is <see cref="Equal"/>.
/// Constructor misuse (for example list elements of different types) is a programming error and throws
/// <see cref="ArgumentException"/>; user-level failures are returned as <see cref="HclResult"/>.
/// </remarks>
public sealed partial class HclValue : IEquatable<HclValue>
{
    private enum State : byte
    {
        Known,
        Null,
        Unknown,
    }

    private readonly State _state;
    private readonly bool _bool;
    private readonly HclNumber _number;
    private readonly string? _string;
    private readonly HclValue[]? _elements;                // list, set, tuple
    private readonly SortedStringMap<HclValue>? _attributes; // map, object

    private HclValue(HclType type, State state, HclMarks marks, bool b = false, HclNumber n = default, string? s = null,
        HclValue[]? elements = null, SortedStringMap<HclValue>? attributes = null)
    {
        Type = type;
        _state = state;
        Marks = marks;
        _bool = b;
        _number = n;
        _string = s;
        _elements = elements;
        _attributes = attributes;
    }

    /// <summary>The value's type. The type of a null or unknown is the type it was created with.</summary>
    public HclType Type { get; }

    /// <summary>Marks directly on this value (not those of nested values).</summary>
    public HclMarks Marks { get; }

    // ------------------------------------------------------------------ well-known values

    public static HclValue True { get; } = new(HclType.Bool, State.Known, default, b: true);

    public static HclValue False { get; } = new(HclType.Bool, State.Known, default, b: false);

    /// <summary>The bare <c>null</c> literal: a null of the dynamic pseudo-type.</summary>
    public static HclValue Null { get; } = new(HclType.Dynamic, State.Null, default);

    /// <summary>cty's <c>DynamicVal</c>: an unknown value of unknown type.</summary>
    public static HclValue DynamicVal { get; } = new(HclType.Dynamic, State.Unknown, default);

    public static HclValue EmptyString { get; } = new(HclType.String, State.Known, default, s: "");

    public static HclValue Zero { get; } = new(HclType.Number, State.Known, default, n: HclNumber.Zero);

    public static HclValue EmptyObject { get; } = new(HclType.EmptyObject, State.Known, default, attributes: SortedStringMap<HclValue>.Empty);

    public static HclValue EmptyTuple { get; } = new(HclType.EmptyTuple, State.Known, default, elements: []);

    // ------------------------------------------------------------------ primitive constructors

    public static HclValue Bool(bool value) => value ? True : False;

    /// <summary>A string value, NFC-normalised as cty's <c>StringVal</c> does.</summary>
    public static HclValue String(string value) =>
        value.Length == 0 ? EmptyString : new(HclType.String, State.Known, default, s: UnicodeNormalizer.ToNfc(value));

    public static HclValue Number(HclNumber value) => new(HclType.Number, State.Known, default, n: value);

    public static HclValue Number(long value) => Number(HclNumber.FromLong(value));

    public static HclValue Number(double value) => Number(HclNumber.FromDouble(value));

    public static HclValue Number(BigInteger value) => Number(HclNumber.FromBigInteger(value));

    /// <summary>Parses decimal text to a number value; see <see cref="HclNumber.TryParse"/>.</summary>
    public static HclResult ParseNumber(string text) =>
        HclNumber.TryParse(text, out var n) ? Number(n) : HclResult.Fail("a number is required");

    // ------------------------------------------------------------------ null and unknown

    public static HclValue NullOf(HclType type) => type.IsDynamic ? Null : new(type, State.Null, default);

    public static HclValue UnknownOf(HclType type) => type.IsDynamic ? DynamicVal : new(type, State.Unknown, default);

    // ------------------------------------------------------------------ collections

    /// <summary>A list; all elements must have the same type (convert or unify first). Use <see cref="ListOf"/> for empty lists.</summary>
    public static HclValue List(IEnumerable<HclValue> elements)
    {
        var arr = elements.ToArray();
        if (arr.Length == 0)
        {
            throw new ArgumentException("use ListOf(type) for an empty list", nameof(elements));
        }

        var et = CommonElementType(arr, "list");
        return new(HclType.List(et), State.Known, default, elements: Retype(arr, et));
    }

    public static HclValue List(params HclValue[] elements) => List((IEnumerable<HclValue>)elements);

    /// <summary>A list with an explicit element type (possibly empty).</summary>
    public static HclValue ListOf(HclType elementType, IEnumerable<HclValue>? elements = null)
    {
        var arr = elements?.ToArray() ?? [];
        CheckElementTypes(arr, elementType, "list");
        return new(HclType.List(elementType), State.Known, default, elements: Retype(arr, elementType));
    }

    /// <summary>A set; duplicates are removed, element marks move to the set. Use <see cref="SetOf"/> for empty sets.</summary>
    public static HclValue Set(IEnumerable<HclValue> elements)
    {
        var arr = elements.ToArray();
        if (arr.Length == 0)
        {
            throw new ArgumentException("use SetOf(type) for an empty set", nameof(elements));
        }

        var et = CommonElementType(arr, "set");
        return SetOf(et, Retype(arr, et));
    }

    public static HclValue Set(params HclValue[] elements) => Set((IEnumerable<HclValue>)elements);

    /// <summary>A set with an explicit element type (possibly empty).</summary>
    public static HclValue SetOf(HclType elementType, IEnumerable<HclValue>? elements = null)
    {
        var arr = elements?.ToArray() ?? [];
        CheckElementTypes(arr, elementType, "set");
        Retype(arr, elementType);
        var marks = default(HclMarks);
        var unmarked = new List<HclValue>(arr.Length);
        foreach (var e in arr)
        {
            var (u, m) = e.UnmarkDeep();
            marks = marks.Union(m);
            unmarked.Add(u);
        }

        return new(HclType.Set(elementType), State.Known, marks, elements: SetOrdering.SortUnique(unmarked));
    }

    /// <summary>A map; all values must have the same type. Use <see cref="MapOf"/> for empty maps.</summary>
    public static HclValue Map(IEnumerable<KeyValuePair<string, HclValue>> items)
    {
        var map = NormalizeKeys(items);
        if (map.Count == 0)
        {
            throw new ArgumentException("use MapOf(type) for an empty map", nameof(items));
        }

        var et = CommonElementType(map.ValueList, "map");
        var vals = Retype(map.ValueList.ToArray(), et);
        return new(HclType.Map(et), State.Known, default, attributes: SortedStringMap<HclValue>.FromSorted([.. map.KeyList], vals));
    }

    /// <summary>A map with an explicit element type (possibly empty).</summary>
    public static HclValue MapOf(HclType elementType, IEnumerable<KeyValuePair<string, HclValue>>? items = null)
    {
        var map = items is null ? SortedStringMap<HclValue>.Empty : NormalizeKeys(items);
        CheckElementTypes(map.ValueList, elementType, "map");
        if (!elementType.IsDynamic && map.ValueList.Any(v => v.Type.IsDynamic))
        {
            map = SortedStringMap<HclValue>.FromSorted([.. map.KeyList], Retype(map.ValueList.ToArray(), elementType));
        }

        return new(HclType.Map(elementType), State.Known, default, attributes: map);
    }

    /// <summary>An object value; its type is the object type of the attribute values' types.</summary>
    public static HclValue Object(IEnumerable<KeyValuePair<string, HclValue>> attributes)
    {
        var map = NormalizeKeys(attributes);
        if (map.Count == 0)
        {
            return EmptyObject;
        }

        return new(ObjectTypeOf(map.KeyArray, map.ValueArray), State.Known, default, attributes: map);
    }

    /// <summary>An object from keys already NFC, sorted (<see cref="HclKeyComparer"/>) and unique; the arrays are kept.</summary>
    internal static HclValue ObjectFromSorted(string[] keys, HclValue[] values) =>
        keys.Length == 0
            ? EmptyObject
            : new(ObjectTypeOf(keys, values), State.Known, default, attributes: SortedStringMap<HclValue>.FromSorted(keys, values));

    [ThreadStatic]
    private static HclType?[]? t_objectTypes;

    /// <summary>
    /// The object type of these attributes. Objects of one shape are built over and over (every instance of a
    /// resource, every <c>count</c> object), so the thread keeps a few recent object types and reuses one whose
    /// attribute names and types are equal, instead of building (and hashing) an equal type again.
    /// </summary>
    private static HclType ObjectTypeOf(string[] keys, HclValue[] values)
    {
        var cache = t_objectTypes ??= new HclType?[64];
        var first = keys[0];
        var last = keys[^1];
        var slot = (int)((uint)HashCode.Combine(keys.Length, first.Length, last.Length, first.Length > 0 ? first[0] : '\0',
            last.Length > 0 ? last[^1] : '\0') % (uint)cache.Length);
        var cached = cache[slot];
        if (cached is not null && SameAttributes(cached, keys, values))
        {
            return cached;
        }

        var types = new HclType[values.Length];
        for (int i = 0; i < types.Length; i++)
        {
            types[i] = values[i].Type;
        }

        var type = HclType.ObjectFromSorted(SortedStringMap<HclType>.FromSorted(keys, types));
        cache[slot] = type;
        return type;
    }

    private static bool SameAttributes(HclType type, string[] keys, HclValue[] values)
    {
        var attrs = type.AttributeMap!;
        if (attrs.Count != keys.Length)
        {
            return false;
        }

        var names = attrs.KeyArray;
        var types = attrs.ValueArray;
        for (int i = 0; i < keys.Length; i++)
        {
            if (!ReferenceEquals(names[i], keys[i]) && !string.Equals(names[i], keys[i], StringComparison.Ordinal))
            {
                return false;
            }

            var vt = values[i].Type;
            if (!ReferenceEquals(vt, types[i]) && !vt.Equals(types[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Convenience: <c>HclValue.Object(("a", HclValue.Number(1)))</c>.</summary>
    public static HclValue Object(params (string Name, HclValue Value)[] attributes)
    {
        var items = new KeyValuePair<string, HclValue>[attributes.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new(attributes[i].Name, attributes[i].Value);
        }

        return Object(items);
    }

    public static HclValue Tuple(IEnumerable<HclValue> elements)
    {
        var arr = elements.ToArray();
        return arr.Length == 0 ? EmptyTuple : new(HclType.Tuple(arr.Select(e => e.Type)), State.Known, default, elements: arr);
    }

    public static HclValue Tuple(params HclValue[] elements) => Tuple((IEnumerable<HclValue>)elements);

    private static SortedStringMap<HclValue> NormalizeKeys(IEnumerable<KeyValuePair<string, HclValue>> items)
    {
        if (items is SortedStringMap<HclValue> m)
        {
            return m;
        }

        // One pass into the two arrays the map keeps; only keys out of order (or repeated) take the general path.
        var list = items as IReadOnlyCollection<KeyValuePair<string, HclValue>> ?? items.ToList();
        if (list.Count == 0)
        {
            return SortedStringMap<HclValue>.Empty;
        }

        var keys = new string[list.Count];
        var values = new HclValue[keys.Length];
        int n = 0;
        bool sorted = true;
        foreach (var kv in list)
        {
            keys[n] = UnicodeNormalizer.ToNfc(kv.Key);
            values[n] = kv.Value;
            if (n > 0 && sorted)
            {
                sorted = HclKeyComparer.Instance.Compare(keys[n - 1], keys[n]) < 0;
            }

            n++;
        }

        if (sorted)
        {
            return SortedStringMap<HclValue>.FromSorted(keys, values);
        }

        return SortedStringMap<HclValue>.FromUnsortedOwned(keys, values);
    }

    /// <summary>
    /// The one element type of a collection. Values of the dynamic pseudo-type (a bare null or DynamicVal) may mix
    /// with values of a concrete type, as in cty; they are retyped to it by <see cref="Retype"/>.
    /// </summary>
    private static HclType CommonElementType(IReadOnlyList<HclValue> values, string what)
    {
        HclType? t = null;
        foreach (var v in values)
        {
            if (v.Type.IsDynamic)
            {
                continue;
            }

            if (t is null)
            {
                t = v.Type;
            }
            else if (!v.Type.Equals(t))
            {
                throw new ArgumentException($"inconsistent {what} element types ({t.FriendlyName} then {v.Type.FriendlyName}); convert or unify first");
            }
        }

        return t ?? HclType.Dynamic;
    }

    private static HclValue[] Retype(HclValue[] values, HclType type)
    {
        if (type.IsDynamic)
        {
            return values;
        }

        for (int i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v.Type.IsDynamic)
            {
                values[i] = (v.IsKnown ? NullOf(type) : UnknownOf(type)).WithMarks(v.Marks);
            }
        }

        return values;
    }

    private static void CheckElementTypes(IReadOnlyList<HclValue> values, HclType type, string what)
    {
        foreach (var v in values)
        {
            if (!v.Type.Equals(type) && !v.Type.IsDynamic)
            {
                throw new ArgumentException($"{what} element of type {v.Type.FriendlyName} where {type.FriendlyName} is required; convert first");
            }
        }
    }

    /// <summary>Internal constructor for trusted, already validated parts (conversion, JSON).</summary>
    internal static HclValue MakeCollection(HclType type, HclValue[] elements) =>
        type.IsSet ? SetOf(type.ElementType, elements) : new(type, State.Known, default, elements: elements);

    internal static HclValue MakeMapping(HclType type, SortedStringMap<HclValue> attributes) =>
        new(type, State.Known, default, attributes: attributes);

    // ------------------------------------------------------------------ state

    public bool IsKnown => _state != State.Unknown;

    public bool IsNull => _state == State.Null;

    /// <summary>Known and not null.</summary>
    public bool IsKnownNotNull => _state == State.Known;

    /// <summary>Known, and every nested value is known too.</summary>
    public bool IsWhollyKnown
    {
        get
        {
            if (_state == State.Unknown)
            {
                return false;
            }

            if (_elements is not null)
            {
                foreach (var e in _elements)
                {
                    if (!e.IsWhollyKnown)
                    {
                        return false;
                    }
                }
            }

            if (_attributes is not null)
            {
                foreach (var e in _attributes.ValueList)
                {
                    if (!e.IsWhollyKnown)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    // ------------------------------------------------------------------ accessors

    /// <summary>The string of a known, non-null string value (marks are ignored: unmark first if they matter).</summary>
    public string AsString() =>
        Type.IsString && _state == State.Known ? _string! : throw Misuse("AsString", "a known string");

    public HclNumber AsNumber() =>
        Type.IsNumber && _state == State.Known ? _number : throw Misuse("AsNumber", "a known number");

    public bool AsBool() =>
        Type.IsBool && _state == State.Known ? _bool : throw Misuse("AsBool", "a known bool");

    /// <summary>True if this is the known bool true (handy for conditions; false for unknown or null).</summary>
    public bool IsTrue => Type.IsBool && _state == State.Known && _bool;

    /// <summary>Elements of a known list, set or tuple (sets in cty order).</summary>
    public IReadOnlyList<HclValue> Elements =>
        _elements ?? throw Misuse("Elements", "a known list, set or tuple");

    /// <summary>Entries of a known map or object, in key order.</summary>
    public IReadOnlyDictionary<string, HclValue> Attributes =>
        _attributes ?? throw Misuse("Attributes", "a known map or object");

    /// <summary>Element values of a known collection or structural value, in iteration order (map/object: key order).</summary>
    public IReadOnlyList<HclValue> ElementValues =>
        _elements ?? (IReadOnlyList<HclValue>?)_attributes?.ValueList ?? throw Misuse("ElementValues", "a known collection");

    /// <summary>
    /// (key, element) pairs of a known collection or structural value, like cty's <c>ElementIterator</c>: number
    /// indexes for lists and tuples, string keys for maps and objects, and the element itself for sets.
    /// </summary>
    public IEnumerable<KeyValuePair<HclValue, HclValue>> ElementEntries()
    {
        if (_attributes is not null)
        {
            for (int i = 0; i < _attributes.Count; i++)
            {
                yield return new(String(_attributes.KeyList[i]), _attributes.ValueList[i]);
            }
        }
        else if (_elements is not null)
        {
            for (int i = 0; i < _elements.Length; i++)
            {
                yield return new(Type.IsSet ? _elements[i] : Number(i), _elements[i]);
            }
        }
        else
        {
            throw Misuse("ElementEntries", "a known collection");
        }
    }

    /// <summary>True if this known map or object has the key.</summary>
    public bool HasKey(string key) => _attributes is not null && _attributes.ContainsKey(UnicodeNormalizer.ToNfc(key));

    /// <summary>The attribute of a known object (or entry of a known map), if present.</summary>
    public bool TryGetAttribute(string name, out HclValue value)
    {
        if (_attributes is not null && _attributes.TryGetValue(UnicodeNormalizer.ToNfc(name), out var v))
        {
            value = v;
            return true;
        }

        value = Null;
        return false;
    }

    /// <summary>
    /// The attribute of an object value; unknown objects give an unknown of the attribute type, null objects throw.
    /// The object's marks are added to the result.
    /// </summary>
    public HclValue GetAttribute(string name)
    {
        name = UnicodeNormalizer.ToNfc(name);
        if (!Type.IsObject || !Type.HasAttribute(name))
        {
            throw Misuse("GetAttribute", $"an object with attribute \"{name}\"");
        }

        if (_state == State.Unknown)
        {
            return UnknownOf(Type.AttributeType(name)).WithMarks(Marks);
        }

        if (_state == State.Null)
        {
            throw Misuse("GetAttribute", "a non-null object");
        }

        return _attributes![name].WithMarks(Marks);
    }

    /// <summary>Number of elements of a known collection/structural value (programming error otherwise).</summary>
    public int LengthInt()
    {
        if (Type.IsTuple)
        {
            return Type.TupleElementTypes.Count;
        }

        if (Type.IsObject && _state != State.Known)
        {
            return Type.AttributeTypes.Count;
        }

        return _elements?.Length ?? _attributes?.Count ?? throw Misuse("LengthInt", "a known collection");
    }

    /// <summary>
    /// cty's <c>Length</c>: a number value, unknown if the collection is unknown or is a set of several elements
    /// containing unknowns (which may coalesce). Tuple lengths are always known from the type. Marks carry over.
    /// </summary>
    public HclValue Length()
    {
        if (Type.IsTuple)
        {
            return Number(Type.TupleElementTypes.Count).WithMarks(Marks);
        }

        if (_state == State.Unknown)
        {
            return UnknownOf(HclType.Number).WithMarks(Marks);
        }

        if (Type.IsSet && _elements!.Length > 1 && _elements.Any(e => !e.IsWhollyKnown))
        {
            return UnknownOf(HclType.Number).WithMarks(Marks);
        }

        return Number(LengthInt()).WithMarks(Marks);
    }

    private InvalidOperationException Misuse(string member, string required) =>
        new($"HclValue.{member} requires {required}, but the value is {DescribeState()} {Type.FriendlyName}");

    private string DescribeState() => _state switch
    {
        State.Null => "a null",
        State.Unknown => "an unknown",
        _ => "a",
    };

    // ------------------------------------------------------------------ marks

    public bool IsMarked => !Marks.IsEmpty;

    public bool HasMark(string mark) => Marks.Contains(mark);

    public bool IsSensitive => Marks.Contains(HclMarks.Sensitive);

    /// <summary>This value with the given marks added.</summary>
    public HclValue WithMarks(HclMarks marks)
    {
        if (marks.IsEmpty)
        {
            return this;
        }

        var all = Marks.Union(marks);
        return all == Marks ? this : With(all);
    }

    public HclValue Mark(string mark) => WithMarks(HclMarks.Of(mark));

    /// <summary>This value with marks replaced (removed when <paramref name="marks"/> is empty).</summary>
    public HclValue WithExactMarks(HclMarks marks) => marks == Marks ? this : With(marks);

    /// <summary>Removes the top-level marks, returning them too.</summary>
    public (HclValue Value, HclMarks Marks) Unmark() => Marks.IsEmpty ? (this, Marks) : (With(default), Marks);

    /// <summary>Removes marks at every level, returning their union.</summary>
    public (HclValue Value, HclMarks Marks) UnmarkDeep()
    {
        if (!ContainsMarks())
        {
            return (this, default);
        }

        var marks = Marks;
        HclValue[]? elems = null;
        SortedStringMap<HclValue>? attrs = null;
        if (_elements is not null)
        {
            elems = new HclValue[_elements.Length];
            for (int i = 0; i < elems.Length; i++)
            {
                var (u, m) = _elements[i].UnmarkDeep();
                elems[i] = u;
                marks = marks.Union(m);
            }
        }

        if (_attributes is not null)
        {
            var vals = new HclValue[_attributes.Count];
            for (int i = 0; i < vals.Length; i++)
            {
                var (u, m) = _attributes.ValueList[i].UnmarkDeep();
                vals[i] = u;
                marks = marks.Union(m);
            }

            attrs = SortedStringMap<HclValue>.FromSorted([.. _attributes.KeyList], vals);
        }

        var v = new HclValue(Type, _state, default, _bool, _number, _string, elems, attrs);
        return (v, marks);
    }

    /// <summary>True if this value or any nested value has marks.</summary>
    public bool ContainsMarks()
    {
        if (!Marks.IsEmpty)
        {
            return true;
        }

        if (_elements is not null)
        {
            foreach (var e in _elements)
            {
                if (e.ContainsMarks())
                {
                    return true;
                }
            }
        }

        if (_attributes is not null)
        {
            foreach (var e in _attributes.ValueList)
            {
                if (e.ContainsMarks())
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Union of marks at every level.</summary>
    public HclMarks DeepMarks() => UnmarkDeep().Marks;

    private HclValue With(HclMarks marks) => new(Type, _state, marks, _bool, _number, _string, _elements, _attributes);

    // ------------------------------------------------------------------ equality

    /// <summary>
    /// Exact structural identity (cty <c>RawEquals</c>): same type, same null/unknown state, same marks at every
    /// level, equal contents. Two unknowns of the same type are raw-equal.
    /// </summary>
    public bool RawEquals(HclValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || _state != other._state || Marks != other.Marks || !Type.Equals(other.Type))
        {
            return false;
        }

        if (_state != State.Known)
        {
            return true;
        }

        switch (Type.Kind)
        {
            case HclTypeKind.String: return string.Equals(_string, other._string, StringComparison.Ordinal);
            case HclTypeKind.Number: return _number.Equals(other._number);
            case HclTypeKind.Bool: return _bool == other._bool;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
                if (_elements!.Length != other._elements!.Length)
                {
                    return false;
                }

                for (int i = 0; i < _elements.Length; i++)
                {
                    if (!_elements[i].RawEquals(other._elements[i]))
                    {
                        return false;
                    }
                }

                return true;
            case HclTypeKind.Map:
            case HclTypeKind.Object:
                if (_attributes!.Count != other._attributes!.Count)
                {
                    return false;
                }

                for (int i = 0; i < _attributes.Count; i++)
                {
                    if (!string.Equals(_attributes.KeyList[i], other._attributes.KeyList[i], StringComparison.Ordinal)
                        || !_attributes.ValueList[i].RawEquals(other._attributes.ValueList[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    public bool Equals(HclValue? other) => RawEquals(other);

    public override bool Equals(object? obj) => obj is HclValue v && RawEquals(v);

    public override int GetHashCode()
    {
        var h = default(HashCode);
        h.Add(Type.GetHashCode());
        h.Add(_state);
        h.Add(Marks.GetHashCode());
        if (_state == State.Known)
        {
            switch (Type.Kind)
            {
                case HclTypeKind.String: h.Add(_string, StringComparer.Ordinal); break;
                case HclTypeKind.Number: h.Add(_number); break;
                case HclTypeKind.Bool: h.Add(_bool); break;
                default:
                    foreach (var e in ElementValues)
                    {
                        h.Add(e.GetHashCode());
                    }

                    break;
            }
        }

        return h.ToHashCode();
    }
}
