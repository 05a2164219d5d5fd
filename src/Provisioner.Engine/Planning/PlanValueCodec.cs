using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

/// <summary>
/// Exact, lossless JSON form of one <see cref="HclValue"/> for the plan file: the value's type (cty type JSON), its
/// contents against that type, the paths of unknown values, and the marks at every path.
/// </summary>
/// <remarks>
/// <para>Shape: <c>{"type": T, "value": V, "unknown": [P...], "marks": [{"path": P, "marks": ["sensitive"]}]}</c>;
/// <c>unknown</c> and <c>marks</c> are left out when empty. A path <c>P</c> is an array of steps: a string is an
/// attribute name or a map key, a number a list/tuple/set position (set positions follow cty set order); the type
/// says which. Unknown and null both appear as <c>null</c> in <c>V</c>; the unknown list tells them apart.</para>
/// <para>Where the type at a position is <c>dynamic</c> but the value has a concrete type, <c>V</c> holds cty's wrapper
/// <c>{"value": …, "type": …}</c>. Numbers are a JSON number (512-bit precision, text that parses back exactly),
/// <c>"+Inf"</c>/<c>"-Inf"</c>, <c>{"text": "5", "precision": 64}</c> for another precision, or
/// <c>{"mantissa": "…", "exponent": e, "precision": p}</c> (value = mantissa × 2^e) when no short text is exact.</para>
/// </remarks>
internal static class PlanValueCodec
{
    /// <summary>Writes the codec object for <paramref name="value"/>.</summary>
    public static void Write(Utf8JsonWriter w, HclValue value)
    {
        var (plain, pathMarks) = value.UnmarkDeepWithPaths();
        var unknown = new List<List<object>>();
        w.WriteStartObject();
        w.WritePropertyName("type");
        w.WriteRawValue(HclJson.TypeToJson(plain.Type));
        w.WritePropertyName("value");
        WriteValue(w, plain, plain.Type, [], unknown);
        if (unknown.Count > 0)
        {
            w.WriteStartArray("unknown");
            foreach (var p in unknown)
                WritePath(w, p);
            w.WriteEndArray();
        }
        if (pathMarks.Count > 0)
        {
            // In value order (attributes sorted, elements by position), which is deterministic.
            var entries = pathMarks.Select(pm => (Path: CompactPath(pm.Path), pm.Marks)).ToList();
            w.WriteStartArray("marks");
            foreach (var (path, marks) in entries)
            {
                w.WriteStartObject();
                w.WritePropertyName("path");
                WritePath(w, path);
                w.WriteStartArray("marks");
                foreach (var m in marks)
                    w.WriteStringValue(m);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Reads a codec object; null with an error message for malformed input (never throws on bad data).</summary>
    public static HclValue? Read(JsonElement e, out string? error)
    {
        error = null;
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var typeJson) || !e.TryGetProperty("value", out var valueJson))
        {
            error = "a value must be an object with \"type\" and \"value\"";
            return null;
        }
        if (!HclJson.TryTypeFromJson(typeJson.GetRawText(), out var type, out var typeError))
        {
            error = "invalid type: " + typeError;
            return null;
        }
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        if (e.TryGetProperty("unknown", out var unknownJson))
        {
            if (unknownJson.ValueKind != JsonValueKind.Array)
            {
                error = "\"unknown\" must be an array of paths";
                return null;
            }
            foreach (var p in unknownJson.EnumerateArray())
            {
                if (!TryReadPath(p, out var path))
                {
                    error = "invalid path in \"unknown\"";
                    return null;
                }
                unknown.Add(PathKey(path));
            }
        }
        var marks = new Dictionary<string, HclMarks>(StringComparer.Ordinal);
        if (e.TryGetProperty("marks", out var marksJson))
        {
            if (marksJson.ValueKind != JsonValueKind.Array)
            {
                error = "\"marks\" must be an array";
                return null;
            }
            foreach (var m in marksJson.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("path", out var pj) || !TryReadPath(pj, out var path)
                    || !m.TryGetProperty("marks", out var mj) || mj.ValueKind != JsonValueKind.Array
                    || mj.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                {
                    error = "invalid entry in \"marks\"";
                    return null;
                }
                marks[PathKey(path)] = HclMarks.Of(mj.EnumerateArray().Select(x => x.GetString()!));
            }
        }
        try
        {
            var reader = new Reader(unknown, marks);
            var value = reader.Read(valueJson, type, "");
            error = reader.Error;
            return error is null ? value : null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // Constructors reject inconsistent data (say a list whose elements disagree with its type).
            error = "inconsistent value: " + ex.Message;
            return null;
        }
    }

    // ------------------------------------------------------------------ writing

    private static void WriteValue(Utf8JsonWriter w, HclValue v, HclType declared, List<object> path, List<List<object>> unknown)
    {
        if (declared.IsDynamic && !v.Type.IsDynamic)
        {
            w.WriteStartObject();
            w.WritePropertyName("value");
            WriteValue(w, v, v.Type, path, unknown);
            w.WritePropertyName("type");
            w.WriteRawValue(HclJson.TypeToJson(v.Type));
            w.WriteEndObject();
            return;
        }
        if (!v.IsKnown)
        {
            unknown.Add([.. path]);
            w.WriteNullValue();
            return;
        }
        if (v.IsNull)
        {
            w.WriteNullValue();
            return;
        }
        switch (v.Type.Kind)
        {
            case HclTypeKind.String:
                w.WriteStringValue(v.AsString());
                return;
            case HclTypeKind.Bool:
                w.WriteBooleanValue(v.AsBool());
                return;
            case HclTypeKind.Number:
                WriteNumber(w, v.AsNumber());
                return;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
                w.WriteStartArray();
                for (var i = 0; i < v.Elements.Count; i++)
                {
                    path.Add((long)i);
                    var et = v.Type.IsTuple ? v.Type.TupleElementTypes[i] : v.Type.ElementType;
                    WriteValue(w, v.Elements[i], et, path, unknown);
                    path.RemoveAt(path.Count - 1);
                }
                w.WriteEndArray();
                return;
            default:
                w.WriteStartObject();
                foreach (var (k, item) in v.Attributes)
                {
                    w.WritePropertyName(k);
                    path.Add(k);
                    WriteValue(w, item, v.Type.IsMap ? v.Type.ElementType : v.Type.AttributeType(k), path, unknown);
                    path.RemoveAt(path.Count - 1);
                }
                w.WriteEndObject();
                return;
        }
    }

    internal static void WriteNumber(Utf8JsonWriter w, HclNumber n)
    {
        if (n.IsInfinity)
        {
            w.WriteStringValue(n.IsPositiveInfinity ? "+Inf" : "-Inf");
            return;
        }
        var text = n.ToString();
        if (HclNumber.TryParse(text, out var parsed) && parsed.WithPrecision(n.Precision).Equals(n))
        {
            if (n.Precision == HclNumber.DefaultPrecision && parsed.Equals(n))
            {
                w.WriteRawValue(text);
                return;
            }
            w.WriteStartObject();
            w.WriteString("text", text);
            w.WriteNumber("precision", n.Precision);
            w.WriteEndObject();
            return;
        }
        WriteBinaryNumber(w, n);
    }

    /// <summary>The exact binary form (mantissa × 2^exponent); used when no decimal text reproduces the number.</summary>
    internal static void WriteBinaryNumber(Utf8JsonWriter w, HclNumber n)
    {
        n.TryGetBinary(out var mantissa, out var exponent);
        w.WriteStartObject();
        w.WriteString("mantissa", mantissa.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("exponent", exponent);
        w.WriteNumber("precision", n.Precision);
        w.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter w, IEnumerable<object> path)
    {
        w.WriteStartArray();
        foreach (var step in path)
        {
            if (step is string s)
                w.WriteStringValue(s);
            else
                w.WriteNumberValue((long)step);
        }
        w.WriteEndArray();
    }

    private static List<object> CompactPath(HclPath? path) =>
        path is null ? [] : path.Steps.Select(s => s.Kind == HclPathStepKind.Index ? (object)s.Index : s.Name!).ToList();

    private static string PathKey(IEnumerable<object> path)
    {
        var sb = new StringBuilder();
        foreach (var step in path)
            AppendKey(sb, step);
        return sb.ToString();
    }

    private static void AppendKey(StringBuilder sb, object step)
    {
        if (step is string s)
            sb.Append('s').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
        else
            sb.Append('i').Append(((long)step).ToString(CultureInfo.InvariantCulture)).Append(';');
    }

    private static bool TryReadPath(JsonElement e, out List<object> path)
    {
        path = [];
        if (e.ValueKind != JsonValueKind.Array)
            return false;
        foreach (var step in e.EnumerateArray())
        {
            if (step.ValueKind == JsonValueKind.String)
                path.Add(step.GetString()!);
            else if (step.ValueKind == JsonValueKind.Number && step.TryGetInt64(out var i))
                path.Add(i);
            else
                return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ reading

    private sealed class Reader(HashSet<string> unknown, Dictionary<string, HclMarks> marks)
    {
        public string? Error { get; private set; }

        public HclValue Read(JsonElement e, HclType type, string key)
        {
            var v = ReadUnmarked(e, type, key);
            return marks.TryGetValue(key, out var m) ? v.WithMarks(m) : v;
        }

        private HclValue Fail(string message, HclType type)
        {
            Error ??= message;
            return HclValue.NullOf(type);
        }

        private HclValue ReadUnmarked(JsonElement e, HclType type, string key)
        {
            if (type.IsDynamic && e.ValueKind == JsonValueKind.Object)
            {
                if (!e.TryGetProperty("value", out var inner) || !e.TryGetProperty("type", out var tj)
                    || !HclJson.TryTypeFromJson(tj.GetRawText(), out var concrete, out _))
                    return Fail("invalid dynamic value wrapper", type);
                return ReadUnmarked(inner, concrete, key);
            }
            if (unknown.Contains(key))
                return e.ValueKind == JsonValueKind.Null ? HclValue.UnknownOf(type) : Fail("an unknown value must be written as null", type);
            if (e.ValueKind == JsonValueKind.Null)
                return HclValue.NullOf(type);
            switch (type.Kind)
            {
                case HclTypeKind.String:
                    return e.ValueKind == JsonValueKind.String ? HclValue.String(e.GetString()!) : Fail("expected a string", type);
                case HclTypeKind.Bool:
                    return e.ValueKind is JsonValueKind.True or JsonValueKind.False ? HclValue.Bool(e.GetBoolean()) : Fail("expected a bool", type);
                case HclTypeKind.Number:
                    return ReadNumber(e) is { } n ? HclValue.Number(n) : Fail("invalid number", type);
                case HclTypeKind.List:
                case HclTypeKind.Set:
                case HclTypeKind.Tuple:
                {
                    if (e.ValueKind != JsonValueKind.Array)
                        return Fail("expected an array", type);
                    var items = new List<HclValue>();
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        if (type.IsTuple && i >= type.TupleElementTypes.Count)
                            return Fail("too many tuple elements", type);
                        var et = type.IsTuple ? type.TupleElementTypes[i] : type.ElementType;
                        var sb = new StringBuilder(key);
                        AppendKey(sb, (long)i);
                        items.Add(Read(item, et, sb.ToString()));
                        i++;
                    }
                    if (type.IsTuple)
                    {
                        return i == type.TupleElementTypes.Count ? HclValue.Tuple(items) : Fail("too few tuple elements", type);
                    }
                    return type.IsList ? HclValue.ListOf(type.ElementType, items) : HclValue.SetOf(type.ElementType, items);
                }
                case HclTypeKind.Map:
                case HclTypeKind.Object:
                {
                    if (e.ValueKind != JsonValueKind.Object)
                        return Fail("expected an object", type);
                    var items = new List<KeyValuePair<string, HclValue>>();
                    foreach (var prop in e.EnumerateObject())
                    {
                        if (type.IsObject && !type.HasAttribute(prop.Name))
                            return Fail($"unexpected attribute \"{prop.Name}\"", type);
                        var sb = new StringBuilder(key);
                        AppendKey(sb, prop.Name);
                        items.Add(new(prop.Name, Read(prop.Value, type.IsMap ? type.ElementType : type.AttributeType(prop.Name), sb.ToString())));
                    }
                    if (type.IsMap)
                        return HclValue.MapOf(type.ElementType, items);
                    if (items.Count != type.AttributeTypes.Count)
                        return Fail("missing object attributes", type);
                    return HclValue.Object(items);
                }
                default:
                    return Fail("a value of dynamic type must be null or wrapped with its type", type);
            }
        }
    }

    internal static HclNumber? ReadNumber(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                return HclNumber.TryParse(e.GetRawText(), out var n) ? n : null;
            case JsonValueKind.String:
                return e.GetString() switch
                {
                    "+Inf" => HclNumber.PositiveInfinity,
                    "-Inf" => HclNumber.NegativeInfinity,
                    _ => null,
                };
            case JsonValueKind.Object:
            {
                if (!e.TryGetProperty("precision", out var pj) || !pj.TryGetInt32(out var precision) || precision < 1 || precision > 1 << 20)
                    return null;
                if (e.TryGetProperty("text", out var tj))
                {
                    return tj.ValueKind == JsonValueKind.String && HclNumber.TryParse(tj.GetString(), out var t) ? t.WithPrecision(precision) : null;
                }
                if (!e.TryGetProperty("mantissa", out var mj) || mj.ValueKind != JsonValueKind.String
                    || !BigInteger.TryParse(mj.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var mantissa)
                    || !e.TryGetProperty("exponent", out var ej) || !ej.TryGetInt32(out var exponent)
                    || Math.Abs(exponent) > 1 << 20)
                    return null;
                HclNumber value;
                if (exponent >= 0)
                {
                    value = HclNumber.FromBigInteger(mantissa << exponent);
                }
                else if (!HclNumber.TryDivide(HclNumber.FromBigInteger(mantissa), HclNumber.FromBigInteger(BigInteger.One << -exponent), out value, out _))
                {
                    return null;
                }
                return value.WithPrecision(precision);
            }
            default:
                return null;
        }
    }
}
