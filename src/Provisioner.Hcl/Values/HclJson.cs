using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Provisioner.Hcl.Values;

/// <summary>
/// cty's JSON encodings (<c>cty/json</c>): values to and from JSON (numbers exact, objects and maps as JSON
/// objects in key order, lists/sets/tuples as arrays), the implied type of arbitrary JSON (for
/// <c>jsondecode</c>), and the typed JSON form of types (<c>"string"</c>, <c>["list","string"]</c>) used in
/// state files. Where a type is dynamic, values are wrapped as <c>{"value":…,"type":…}</c>, as cty does.
/// </summary>
public static class HclJson
{
    // ------------------------------------------------------------------ values → JSON

    /// <summary>
    /// Encodes a value as cty does for its own type (what <c>jsonencode</c> produces). Unknown values, infinities
    /// and (unless <paramref name="allowMarks"/>) marked values are errors.
    /// </summary>
    public static bool TryToJson(HclValue value, out string json, out HclError? error, bool allowMarks = false) =>
        TryToJson(value, value.Type, out json, out error, allowMarks);

    /// <summary>Encodes a value against <paramref name="type"/> (cty <c>json.Marshal(val, type)</c>).</summary>
    public static bool TryToJson(HclValue value, HclType type, out string json, out HclError? error, bool allowMarks = false)
    {
        var sb = new StringBuilder();
        error = Marshal(value, type, null, sb, allowMarks);
        json = error is null ? sb.ToString() : "";
        return error is null;
    }

    /// <summary>Encodes a value for its own type, or throws <see cref="InvalidOperationException"/> (for trusted, known values).</summary>
    public static string ToJson(HclValue value, bool allowMarks = false) =>
        TryToJson(value, out var json, out var error, allowMarks) ? json : throw new InvalidOperationException(error!.ToString());

    private static HclError? Marshal(HclValue val, HclType t, HclPath? path, StringBuilder b, bool allowMarks)
    {
        if (val.IsMarked)
        {
            if (!allowMarks)
            {
                return new HclError("value has marks, so it cannot be serialized as JSON", HclPath.Format(path));
            }

            val = val.Unmark().Value;
        }

        if (t.IsDynamic && !val.Type.IsDynamic)
        {
            return MarshalDynamic(val, path, b, allowMarks);
        }

        if (val.IsNull)
        {
            b.Append("null");
            return null;
        }

        if (!val.IsKnown)
        {
            return new HclError("value is not known", HclPath.Format(path));
        }

        switch (t.Kind)
        {
            case HclTypeKind.String:
                WriteString(b, val.AsString());
                return null;
            case HclTypeKind.Number:
                var n = val.AsNumber();
                if (n.IsInfinity)
                {
                    return new HclError("cannot serialize infinity as JSON", HclPath.Format(path));
                }

                b.Append(n.ToString());
                return null;
            case HclTypeKind.Bool:
                b.Append(val.AsBool() ? "true" : "false");
                return null;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
            {
                b.Append('[');
                var elems = val.Elements;
                for (int i = 0; i < elems.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }

                    var et = t.IsTuple ? t.TupleElementTypes[i] : t.ElementType;
                    var err = Marshal(elems[i], et, HclPath.Index(path, i), b, allowMarks);
                    if (err is not null)
                    {
                        return err;
                    }
                }

                b.Append(']');
                return null;
            }

            case HclTypeKind.Map:
            case HclTypeKind.Object:
            {
                b.Append('{');
                bool first = true;
                foreach (var (k, v) in val.Attributes)
                {
                    if (!first)
                    {
                        b.Append(',');
                    }

                    first = false;
                    WriteString(b, k);
                    b.Append(':');
                    var at = t.IsMap ? t.ElementType : t.AttributeType(k);
                    var err = Marshal(v, at, t.IsMap ? HclPath.Key(path, k) : HclPath.Attribute(path, k), b, allowMarks);
                    if (err is not null)
                    {
                        return err;
                    }
                }

                b.Append('}');
                return null;
            }

            default:
                return new HclError("cannot serialize a value of dynamic type", HclPath.Format(path));
        }
    }

    private static HclError? MarshalDynamic(HclValue val, HclPath? path, StringBuilder b, bool allowMarks)
    {
        b.Append("{\"value\":");
        var err = Marshal(val, val.Type, path, b, allowMarks);
        if (err is not null)
        {
            return err;
        }

        b.Append(",\"type\":");
        WriteType(b, val.Type);
        b.Append('}');
        return null;
    }

    /// <summary>Writes a JSON string literal with Go <c>encoding/json</c> escaping (including &lt; &gt; &amp; as \u003c etc.).</summary>
    public static void WriteString(StringBuilder b, string s)
    {
        b.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }

    // ------------------------------------------------------------------ JSON → values

    private static readonly JsonDocumentOptions DocOptions = new() { MaxDepth = 10_000 };

    /// <summary>
    /// Decodes JSON with no type given, as <c>jsondecode</c> does: objects become objects, arrays tuples, numbers
    /// exact numbers, <c>null</c> a dynamic null.
    /// </summary>
    public static HclResult Decode(string json)
    {
        if (!TryParse(json, out var doc, out var err))
        {
            return HclResult.Fail(err!);
        }

        using (doc)
        {
            var t = Implied(doc!.RootElement, null, out var terr);
            if (t is null)
            {
                return HclResult.Fail(terr!);
            }

            return Unmarshal(doc.RootElement, t, null);
        }
    }

    /// <summary>The type cty would infer for the JSON text (cty <c>json.ImpliedType</c>).</summary>
    public static bool TryImpliedType(string json, out HclType type, out HclError? error)
    {
        type = HclType.Dynamic;
        if (!TryParse(json, out var doc, out error))
        {
            return false;
        }

        using (doc)
        {
            var t = Implied(doc!.RootElement, null, out error);
            if (t is null)
            {
                return false;
            }

            type = t;
            return true;
        }
    }

    /// <summary>Decodes JSON into a value of the given type (cty <c>json.Unmarshal</c>); dynamic expects the value/type wrapper.</summary>
    public static HclResult FromJson(string json, HclType type)
    {
        if (!TryParse(json, out var doc, out var err))
        {
            return HclResult.Fail(err!);
        }

        using (doc)
        {
            return Unmarshal(doc!.RootElement, type, null);
        }
    }

    private static bool TryParse(string json, out JsonDocument? doc, out HclError? error)
    {
        try
        {
            doc = JsonDocument.Parse(json, DocOptions);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            doc = null;
            error = new HclError(e.Message);
            return false;
        }
    }

    private static HclType? Implied(JsonElement e, HclPath? path, out HclError? error)
    {
        error = null;
        switch (e.ValueKind)
        {
            case JsonValueKind.String: return HclType.String;
            case JsonValueKind.Number: return HclType.Number;
            case JsonValueKind.True:
            case JsonValueKind.False: return HclType.Bool;
            case JsonValueKind.Null: return HclType.Dynamic;
            case JsonValueKind.Array:
            {
                var types = new List<HclType>();
                int i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    var t = Implied(item, HclPath.Index(path, i++), out error);
                    if (t is null)
                    {
                        return null;
                    }

                    types.Add(t);
                }

                return HclType.Tuple(types);
            }

            default:
            {
                var attrs = new List<KeyValuePair<string, HclType>>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var prop in e.EnumerateObject())
                {
                    if (!seen.Add(prop.Name))
                    {
                        error = new HclError($"duplicate \"{prop.Name}\" property in JSON object", HclPath.Format(path));
                        return null;
                    }

                    var t = Implied(prop.Value, HclPath.Attribute(path, prop.Name), out error);
                    if (t is null)
                    {
                        return null;
                    }

                    attrs.Add(new(prop.Name, t));
                }

                return HclType.Object(attrs);
            }
        }
    }

    private static HclResult Unmarshal(JsonElement e, HclType t, HclPath? path)
    {
        string P() => HclPath.Format(path);

        if (t.IsDynamic)
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                return HclValue.Null;
            }

            return UnmarshalDynamic(e, path);
        }

        if (e.ValueKind == JsonValueKind.Null)
        {
            return HclValue.NullOf(t);
        }

        switch (t.Kind)
        {
            case HclTypeKind.String:
                return e.ValueKind switch
                {
                    JsonValueKind.String => HclValue.String(e.GetString()!),
                    JsonValueKind.Number => HclValue.String(e.GetRawText()),
                    JsonValueKind.True => HclValue.String("true"),
                    JsonValueKind.False => HclValue.String("false"),
                    _ => HclResult.Fail("string is required", P()),
                };
            case HclTypeKind.Number:
                if (e.ValueKind is JsonValueKind.Number or JsonValueKind.String)
                {
                    var text = e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!;
                    return HclNumber.TryParse(text, out var n) ? HclValue.Number(n) : HclResult.Fail("a number is required", P());
                }

                return HclResult.Fail("number is required", P());
            case HclTypeKind.Bool:
                if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return HclValue.Bool(e.GetBoolean());
                }

                if (e.ValueKind == JsonValueKind.String)
                {
                    return HclConvert.Convert(HclValue.String(e.GetString()!), HclType.Bool) is { IsSuccess: true } r ? r : HclResult.Fail("bool is required", P());
                }

                return HclResult.Fail("bool is required", P());
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Tuple:
            {
                if (e.ValueKind != JsonValueKind.Array)
                {
                    return HclResult.Fail($"{t.FriendlyName} is required", P());
                }

                var elems = new List<HclValue>();
                int i = 0;
                int count = e.GetArrayLength();
                if (t.IsTuple && count != t.TupleElementTypes.Count)
                {
                    return HclResult.Fail($"tuple has {t.TupleElementTypes.Count} elements, but the JSON array has {count}", P());
                }

                foreach (var item in e.EnumerateArray())
                {
                    var et = t.IsTuple ? t.TupleElementTypes[i] : t.ElementType;
                    var r = Unmarshal(item, et, HclPath.Index(path, i));
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    elems.Add(r.Value);
                    i++;
                }

                if (t.IsTuple)
                {
                    return HclValue.Tuple(elems);
                }

                return t.IsList ? HclValue.ListOf(t.ElementType, elems) : HclValue.SetOf(t.ElementType, elems);
            }

            case HclTypeKind.Map:
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    return HclResult.Fail($"{t.FriendlyName} is required", P());
                }

                var items = new List<KeyValuePair<string, HclValue>>();
                foreach (var prop in e.EnumerateObject())
                {
                    var r = Unmarshal(prop.Value, t.ElementType, HclPath.Key(path, prop.Name));
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    items.Add(new(prop.Name, r.Value));
                }

                return HclValue.MapOf(t.ElementType, items);
            }

            case HclTypeKind.Object:
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    return HclResult.Fail("object is required", P());
                }

                // Values go straight into the slots of the type's (sorted) attributes; a repeated property keeps the last.
                var attrs = t.AttributeMap!;
                var values = new HclValue?[attrs.Count];
                foreach (var prop in e.EnumerateObject())
                {
                    var at = attrs.IndexOf(UnicodeNormalizer.ToNfc(prop.Name));
                    if (at < 0)
                    {
                        return HclResult.Fail($"unsupported attribute \"{prop.Name}\"", P());
                    }

                    var r = Unmarshal(prop.Value, attrs.ValueArray[at], HclPath.Attribute(path, prop.Name));
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    values[at] = r.Value;
                }

                for (int i = 0; i < values.Length; i++)
                {
                    values[i] ??= HclValue.NullOf(attrs.ValueArray[i].WithoutOptionalAttributes());
                }

                return HclValue.ObjectFromSorted(attrs.KeyArray, values!);
            }

            default:
                return HclResult.Fail("unsupported type", P());
        }
    }

    private static HclResult UnmarshalDynamic(JsonElement e, HclPath? path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return HclResult.Fail("missing type description and value for dynamic value", HclPath.Format(path));
        }

        JsonElement? value = null;
        HclType? type = null;
        foreach (var prop in e.EnumerateObject())
        {
            switch (prop.Name)
            {
                case "type":
                    if (!TryReadType(prop.Value, out var t, out var terr))
                    {
                        return HclResult.Fail(terr!.Message, HclPath.Format(path));
                    }

                    type = t;
                    break;
                case "value":
                    value = prop.Value;
                    break;
                default:
                    return HclResult.Fail($"invalid key \"{prop.Name}\" in dynamically-typed value", HclPath.Format(path));
            }
        }

        if (type is null)
        {
            return HclResult.Fail("missing type in dynamically-typed value", HclPath.Format(path));
        }

        if (value is null)
        {
            return HclResult.Fail("missing value in dynamically-typed value", HclPath.Format(path));
        }

        return Unmarshal(value.Value, type, path);
    }

    // ------------------------------------------------------------------ paths ↔ JSON

    /// <summary>
    /// A path in Terraform's state form (used for <c>sensitive_attributes</c>):
    /// <c>[{"type":"get_attr","value":"a"},{"type":"index","value":{"value":0,"type":"number"}}]</c>.
    /// </summary>
    public static string PathToJson(HclPath? path)
    {
        var b = new StringBuilder("[");
        bool first = true;
        foreach (var step in path?.Steps ?? [])
        {
            if (!first)
            {
                b.Append(',');
            }

            first = false;
            switch (step.Kind)
            {
                case HclPathStepKind.Attribute:
                    b.Append("{\"type\":\"get_attr\",\"value\":");
                    WriteString(b, step.Name!);
                    b.Append('}');
                    break;
                case HclPathStepKind.Key:
                    b.Append("{\"type\":\"index\",\"value\":{\"value\":");
                    WriteString(b, step.Name!);
                    b.Append(",\"type\":\"string\"}}");
                    break;
                default:
                    b.Append("{\"type\":\"index\",\"value\":{\"value\":")
                        .Append(step.Index.ToString(CultureInfo.InvariantCulture))
                        .Append(",\"type\":\"number\"}}");
                    break;
            }
        }

        return b.Append(']').ToString();
    }

    /// <summary>Reads a path written by <see cref="PathToJson"/>.</summary>
    public static bool TryPathFromJson(string json, out HclPath? path, out HclError? error)
    {
        path = null;
        if (!TryParse(json, out var doc, out error))
        {
            return false;
        }

        using (doc)
        {
            if (doc!.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = new HclError("a path must be a JSON array of steps");
                return false;
            }

            foreach (var step in doc.RootElement.EnumerateArray())
            {
                if (step.ValueKind != JsonValueKind.Object
                    || !step.TryGetProperty("type", out var type)
                    || !step.TryGetProperty("value", out var value))
                {
                    error = new HclError("a path step needs \"type\" and \"value\"");
                    return false;
                }

                switch (type.GetString())
                {
                    case "get_attr" when value.ValueKind == JsonValueKind.String:
                        path = HclPath.Attribute(path, value.GetString()!);
                        break;
                    case "index":
                        var key = UnmarshalDynamic(value, null);
                        if (!key.IsSuccess || !key.Value.IsKnownNotNull)
                        {
                            error = new HclError("invalid index step in path");
                            return false;
                        }

                        if (key.Value.Type.IsString)
                        {
                            path = HclPath.Key(path, key.Value.AsString());
                        }
                        else if (key.Value.Type.IsNumber && key.Value.AsNumber().TryToLong(out var i))
                        {
                            path = HclPath.Index(path, i);
                        }
                        else
                        {
                            error = new HclError("invalid index step in path");
                            return false;
                        }

                        break;
                    default:
                        error = new HclError("invalid path step type");
                        return false;
                }
            }

            return true;
        }
    }

    // ------------------------------------------------------------------ types ↔ JSON

    /// <summary>cty's JSON form of a type: <c>"string"</c>, <c>["list","string"]</c>, <c>["object",{"a":"number"}]</c>, <c>"dynamic"</c>.</summary>
    public static string TypeToJson(HclType type)
    {
        var b = new StringBuilder();
        WriteType(b, type);
        return b.ToString();
    }

    private static void WriteType(StringBuilder b, HclType t)
    {
        switch (t.Kind)
        {
            case HclTypeKind.String: b.Append("\"string\""); break;
            case HclTypeKind.Number: b.Append("\"number\""); break;
            case HclTypeKind.Bool: b.Append("\"bool\""); break;
            case HclTypeKind.Dynamic: b.Append("\"dynamic\""); break;
            case HclTypeKind.List:
            case HclTypeKind.Set:
            case HclTypeKind.Map:
                b.Append(t.IsList ? "[\"list\"," : t.IsSet ? "[\"set\"," : "[\"map\",");
                WriteType(b, t.ElementType);
                b.Append(']');
                break;
            case HclTypeKind.Tuple:
                b.Append("[\"tuple\",[");
                for (int i = 0; i < t.TupleElementTypes.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }

                    WriteType(b, t.TupleElementTypes[i]);
                }

                b.Append("]]");
                break;
            case HclTypeKind.Object:
                b.Append("[\"object\",{");
                bool first = true;
                foreach (var (name, at) in t.AttributeTypes)
                {
                    if (!first)
                    {
                        b.Append(',');
                    }

                    first = false;
                    WriteString(b, name);
                    b.Append(':');
                    WriteType(b, at);
                }

                b.Append('}');
                if (t.OptionalAttributes.Count > 0)
                {
                    b.Append(",[");
                    var names = t.OptionalAttributes.ToList();
                    names.Sort(HclKeyComparer.Instance);
                    for (int i = 0; i < names.Count; i++)
                    {
                        if (i > 0)
                        {
                            b.Append(',');
                        }

                        WriteString(b, names[i]);
                    }

                    b.Append(']');
                }

                b.Append(']');
                break;
        }
    }

    /// <summary>Reads cty's JSON form of a type.</summary>
    public static bool TryTypeFromJson(string json, out HclType type, out HclError? error)
    {
        type = HclType.Dynamic;
        if (!TryParse(json, out var doc, out error))
        {
            return false;
        }

        using (doc)
        {
            return TryReadType(doc!.RootElement, out type, out error);
        }
    }

    private static bool TryReadType(JsonElement e, out HclType type, out HclError? error)
    {
        type = HclType.Dynamic;
        error = null;
        if (e.ValueKind == JsonValueKind.String)
        {
            switch (e.GetString())
            {
                case "string": type = HclType.String; return true;
                case "number": type = HclType.Number; return true;
                case "bool": type = HclType.Bool; return true;
                case "dynamic": type = HclType.Dynamic; return true;
                default:
                    error = new HclError($"invalid primitive type name \"{e.GetString()}\"");
                    return false;
            }
        }

        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() < 2 || e[0].ValueKind != JsonValueKind.String)
        {
            error = new HclError("invalid type specification");
            return false;
        }

        var kind = e[0].GetString();
        switch (kind)
        {
            case "list":
            case "set":
            case "map":
                if (!TryReadType(e[1], out var et, out error))
                {
                    return false;
                }

                type = kind == "list" ? HclType.List(et) : kind == "set" ? HclType.Set(et) : HclType.Map(et);
                return true;
            case "tuple":
                if (e[1].ValueKind != JsonValueKind.Array)
                {
                    error = new HclError("tuple type must have an array of element types");
                    return false;
                }

                var etys = new List<HclType>();
                foreach (var item in e[1].EnumerateArray())
                {
                    if (!TryReadType(item, out var t, out error))
                    {
                        return false;
                    }

                    etys.Add(t);
                }

                type = HclType.Tuple(etys);
                return true;
            case "object":
                if (e[1].ValueKind != JsonValueKind.Object)
                {
                    error = new HclError("object type must have an object of attribute types");
                    return false;
                }

                var attrs = new List<KeyValuePair<string, HclType>>();
                foreach (var prop in e[1].EnumerateObject())
                {
                    if (!TryReadType(prop.Value, out var t, out error))
                    {
                        return false;
                    }

                    attrs.Add(new(prop.Name, t));
                }

                List<string>? optional = null;
                if (e.GetArrayLength() > 2 && e[2].ValueKind == JsonValueKind.Array)
                {
                    optional = [.. e[2].EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)];
                }

                type = HclType.Object(attrs, optional);
                return true;
            default:
                error = new HclError($"invalid type kind \"{kind}\"");
                return false;
        }
    }
}
