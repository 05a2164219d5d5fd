using System.Globalization;

namespace Provisioner.Hcl.Values;

/// <summary>
/// HCL's traversal steps on values (<c>hcl.Index</c> and <c>hcl.GetAttr</c>) with their exact diagnostic
/// wording: failures carry <see cref="HclError.Summary"/> (e.g. <c>Invalid index</c>) and the detail as
/// <see cref="HclError.Message"/>. Marks on the collection carry over to the result.
/// </summary>
public static class HclAccess
{
    private const string InvalidIndex = "Invalid index";
    private const string UnsupportedAttribute = "Unsupported attribute";
    private const string NoElement = "The given key does not identify an element in this collection value";

    private static HclResult Fail(string summary, string detail) => HclResult.Fail(new HclError(detail) { Summary = summary });

    /// <summary><c>collection[key]</c> with HCL's rules.</summary>
    public static HclResult Index(HclValue collection, HclValue key)
    {
        if (collection.IsNull)
        {
            return Fail("Attempt to index null value", "This value is null, so it does not have any indices.");
        }

        if (key.IsNull)
        {
            return Fail(InvalidIndex, "Can't use a null value as an indexing key.");
        }

        var ty = collection.Type;
        var marks = collection.Marks;
        if (key.Type.IsDynamic || ty.IsDynamic)
        {
            return HclValue.DynamicVal.WithMarks(marks);
        }

        if (ty.IsList || ty.IsTuple || ty.IsMap)
        {
            var wantType = ty.IsMap ? HclType.String : HclType.Number;
            var kr = HclConvert.Convert(key, wantType);
            if (!kr.IsSuccess)
            {
                return Fail(InvalidIndex, $"{NoElement}: {kr.Error}.");
            }

            var (k, keyMarks) = kr.Value.Unmark();
            marks = marks.Union(keyMarks);
            if (!collection.IsKnown || !k.IsKnown)
            {
                return (ty.IsTuple ? HclValue.DynamicVal : HclValue.UnknownOf(ty.ElementType)).WithMarks(marks);
            }

            if (ty.IsMap)
            {
                return collection.TryGetAttribute(k.AsString(), out var mv)
                    ? mv.WithMarks(marks)
                    : Fail(InvalidIndex, NoElement + ".");
            }

            var n = k.AsNumber();
            int length = collection.LengthInt();
            if (n.TryToInt(out var i) && i >= 0 && i < length)
            {
                return collection.Elements[i].WithMarks(marks);
            }

            if (!keyMarks.IsEmpty)
            {
                return Fail(InvalidIndex, NoElement + ".");
            }

            if (length == 0)
            {
                return Fail(InvalidIndex, $"{NoElement}: the collection has no elements.");
            }

            if (!n.IsInteger && !n.IsInfinity)
            {
                return Fail(InvalidIndex, $"{NoElement}: indexing a sequence requires a whole number, but the given index ({FormatG(n)}) has a fractional part.");
            }

            if (n.Sign < 0)
            {
                return Fail(InvalidIndex, $"{NoElement}: a negative number is not a valid index for a sequence.");
            }

            return Fail(InvalidIndex, $"{NoElement}: the given index is greater than or equal to the length of the collection.");
        }

        if (ty.IsObject)
        {
            bool wasNumber = key.Type.IsNumber;
            var kr = HclConvert.Convert(key, HclType.String);
            if (!kr.IsSuccess)
            {
                return Fail(InvalidIndex, $"{NoElement}: {kr.Error}.");
            }

            var (k, keyMarks) = kr.Value.Unmark();
            if (!collection.IsKnown || !k.IsKnown)
            {
                return HclValue.DynamicVal.WithMarks(marks);
            }

            var name = k.AsString();
            if (!ty.HasAttribute(name))
            {
                var suggestion = wasNumber ? " An object only supports looking up attributes by name, not by numeric index." : "";
                return Fail(InvalidIndex, $"{NoElement}.{suggestion}");
            }

            return collection.GetAttribute(name).WithMarks(keyMarks);
        }

        if (ty.IsSet)
        {
            return Fail(InvalidIndex, "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.");
        }

        return Fail(InvalidIndex, "This value does not have any indices.");
    }

    /// <summary><c>value.name</c> with HCL's rules (objects, maps, and helpful errors for lists of objects).</summary>
    public static HclResult GetAttr(HclValue value, string name)
    {
        if (value.IsNull)
        {
            return Fail("Attempt to get attribute from null value", "This value is null, so it does not have any attributes.");
        }

        var ty = value.Type;
        var marks = value.Marks;
        switch (ty.Kind)
        {
            case HclTypeKind.Object:
                if (!ty.HasAttribute(name))
                {
                    return Fail(UnsupportedAttribute, $"This object does not have an attribute named \"{name}\".");
                }

                return value.GetAttribute(name);
            case HclTypeKind.Map:
                if (!value.IsKnown)
                {
                    return HclValue.UnknownOf(ty.ElementType).WithMarks(marks);
                }

                return value.TryGetAttribute(name, out var mv)
                    ? mv.WithMarks(marks)
                    : Fail("Missing map element", $"This map does not have an element with the key \"{name}\".");
            case HclTypeKind.Dynamic:
                return HclValue.DynamicVal.WithMarks(marks);
            case HclTypeKind.List when ty.ElementType.IsObject:
                return ty.ElementType.HasAttribute(name)
                    ? Fail(UnsupportedAttribute, $"Can't access attributes on a list of objects. Did you mean to access attribute \"{name}\" for a specific element of the list, or across all elements of the list?")
                    : Fail(UnsupportedAttribute, "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?");
            case HclTypeKind.Set when ty.ElementType.IsObject:
                return Fail(UnsupportedAttribute, "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?");
            case HclTypeKind.String:
            case HclTypeKind.Number:
            case HclTypeKind.Bool:
                return Fail(UnsupportedAttribute, $"Can't access attributes on a primitive-typed value ({ty.FriendlyName}).");
            default:
                return Fail(UnsupportedAttribute, "This value does not have any attributes.");
        }
    }

    // Go's %g for a big.Float: shortest representation, exponent form for very large or small magnitudes.
    private static string FormatG(HclNumber n)
    {
        var d = n.ToDouble();
        return d.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }
}
