using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

/// <summary>Shorthands shared by the numeric, string and collection function tests.</summary>
internal static class Kit
{
    private static readonly FunctionTable Library = StandardLibrary.Create(StandardLibraryOptions.Default);

    public static HclFunction Fn(string name)
    {
        Assert.True(Library.TryGet(name, out var f), $"function {name} is not defined");
        return f;
    }

    public static FunctionResult Call(string name, params HclValue[] args) => Fn(name).Call(args);

    public static HclValue Ok(string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.True(r.IsSuccess, $"{name} failed: {r.Error}");
        return r.Value;
    }

    public static FunctionError Err(string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.False(r.IsSuccess, $"{name} unexpectedly returned {r.Value}");
        return r.Error!;
    }

    /// <summary>Asserts the call fails with exactly this message.</summary>
    public static void Fails(string message, string name, params HclValue[] args) => Assert.Equal(message, Err(name, args).Message);

    /// <summary>Asserts the call returns a value raw-equal to <paramref name="expected"/>.</summary>
    public static void Gives(HclValue expected, string name, params HclValue[] args) => Same(expected, Ok(name, args));

    public static void Same(HclValue expected, HclValue actual)
    {
        Assert.True(expected.RawEquals(actual), $"expected {expected} : {expected.Type}{M(expected)}, got {actual} : {actual.Type}{M(actual)}");
        static string M(HclValue v) => v.IsMarked ? " " + v.Marks : "";
    }

    public static HclValue S(string s) => HclValue.String(s);

    public static HclValue N(long n) => HclValue.Number(n);

    public static HclValue N(double n) => HclValue.Number(n);

    public static HclValue NP(string text) => HclValue.Number(HclNumber.Parse(text)!.Value);

    public static HclValue B(bool b) => HclValue.Bool(b);

    public static HclValue L(params HclValue[] items) => HclValue.List(items);

    public static HclValue LOf(HclType t, params HclValue[] items) => HclValue.ListOf(t, items);

    public static HclValue Set(params HclValue[] items) => HclValue.Set(items);

    public static HclValue SetOf(HclType t, params HclValue[] items) => HclValue.SetOf(t, items);

    public static HclValue T(params HclValue[] items) => HclValue.Tuple(items);

    public static HclValue M(params (string Key, HclValue Value)[] items) =>
        HclValue.Map(items.Select(i => new KeyValuePair<string, HclValue>(i.Key, i.Value)));

    public static HclValue MOf(HclType t, params (string Key, HclValue Value)[] items) =>
        HclValue.MapOf(t, items.Select(i => new KeyValuePair<string, HclValue>(i.Key, i.Value)));

    public static HclValue O(params (string Key, HclValue Value)[] items) => HclValue.Object(items);

    public static HclValue U(HclType t) => HclValue.UnknownOf(t);

    public static HclValue Null(HclType t) => HclValue.NullOf(t);

    public static HclValue Sens(HclValue v) => v.Mark(HclMarks.Sensitive);

    public static HclType Str => HclType.String;

    public static HclType Num => HclType.Number;

    public static HclType Bool => HclType.Bool;

    public static HclType Dyn => HclType.Dynamic;

    public static HclType ListT(HclType t) => HclType.List(t);

    public static HclType SetT(HclType t) => HclType.Set(t);

    public static HclType MapT(HclType t) => HclType.Map(t);

    public static HclType TupleT(params HclType[] t) => HclType.Tuple(t);
}
