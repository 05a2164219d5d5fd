namespace Provisioner.Hcl.Values;

public static partial class HclConvert
{
    /// <summary>
    /// cty's <c>MismatchMessage</c>: why <paramref name="got"/> does not convert to <paramref name="want"/>, e.g.
    /// <c>string required</c>, <c>attribute "foo" is required</c>, <c>element 0: number required</c>.
    /// </summary>
    public static string MismatchMessage(HclType got, HclType want)
    {
        if (got.IsObject && want.IsObject)
        {
            return MismatchObjects(got, want);
        }

        if (want.IsCollection && want.ElementType.IsDynamic)
        {
            if (got.IsTuple && want.IsList)
            {
                return "all list elements must have the same type";
            }

            if (got.IsTuple && want.IsSet)
            {
                return "all set elements must have the same type";
            }

            if (got.IsObject && want.IsMap)
            {
                return "all map elements must have the same type";
            }
        }

        if (got.IsStructural && want.IsCollection)
        {
            return MismatchStructuralToCollection(got, want);
        }

        if (got.IsCollection && want.IsCollection)
        {
            return MismatchCollections(got, want);
        }

        return want.FriendlyNameForConstraint + " required";
    }

    private static string MismatchObjects(HclType got, HclType want)
    {
        var missing = new List<string>();
        string? unsafeMismatch = null;
        string? safeMismatch = null;
        foreach (var (name, wantAty) in want.AttributeTypes)
        {
            if (!got.HasAttribute(name))
            {
                if (!want.IsOptionalAttribute(name))
                {
                    missing.Add(name);
                }

                continue;
            }

            var gotAty = got.AttributeType(name);
            if (gotAty.Equals(wantAty) || unsafeMismatch is not null)
            {
                continue;
            }

            if (GetConv(gotAty, wantAty, true) is null)
            {
                unsafeMismatch = $"attribute \"{name}\": {MismatchMessage(gotAty, wantAty)}";
            }

            if (safeMismatch is null && GetConv(gotAty, wantAty, false) is null)
            {
                safeMismatch = $"attribute \"{name}\": {MismatchMessage(gotAty, wantAty)}";
            }
        }

        if (missing.Count > 0)
        {
            missing.Sort(HclKeyComparer.Instance);
            return missing.Count switch
            {
                1 => $"attribute \"{missing[0]}\" is required",
                2 => $"attributes \"{missing[0]}\" and \"{missing[1]}\" are required",
                _ => "attributes " + string.Join(", ", missing.Take(missing.Count - 1).Select(m => $"\"{m}\"")) + $", and \"{missing[^1]}\" are required",
            };
        }

        return unsafeMismatch ?? safeMismatch ?? "incorrect object attributes";
    }

    private static string MismatchStructuralToCollection(HclType got, HclType want)
    {
        if ((want.IsList || want.IsSet) && !got.IsTuple)
        {
            return want.FriendlyNameForConstraint + " required";
        }

        if (want.IsMap && !got.IsObject)
        {
            return want.FriendlyNameForConstraint + " required";
        }

        var wantEty = want.ElementType;
        if (got.IsTuple)
        {
            var etys = got.TupleElementTypes;
            for (int i = 0; i < etys.Count; i++)
            {
                if (!etys[i].Equals(wantEty) && GetConv(etys[i], wantEty, true) is null)
                {
                    return $"element {i}: {MismatchMessage(etys[i], wantEty)}";
                }
            }
        }
        else
        {
            foreach (var (name, aty) in got.AttributeTypes)
            {
                if (!aty.Equals(wantEty) && GetConv(aty, wantEty, true) is null)
                {
                    return $"element \"{name}\": {MismatchMessage(aty, wantEty)}";
                }
            }
        }

        return $"all elements must be {wantEty.FriendlyNameForConstraint}";
    }

    private static string MismatchCollections(HclType got, HclType want)
    {
        if ((want.IsList || want.IsSet) && !(got.IsList || got.IsSet))
        {
            return want.FriendlyNameForConstraint + " required";
        }

        if (want.IsMap && !got.IsMap)
        {
            return want.FriendlyNameForConstraint + " required";
        }

        string noun = want.IsList ? "list element type" : want.IsSet ? "set element type" : "map element type";
        return $"incorrect {noun}: {MismatchMessage(got.ElementType, want.ElementType)}";
    }
}
