using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Values;

/// <summary>Short constructors for value and type tables in tests.</summary>
internal static class V
{
    public static HclType Str => HclType.String;

    public static HclType Num => HclType.Number;

    public static HclType Bool => HclType.Bool;

    public static HclType Dyn => HclType.Dynamic;

    public static HclValue S(string s) => HclValue.String(s);

    public static HclValue N(long n) => HclValue.Number(n);

    public static HclValue N(string s) => HclValue.Number(HclNumber.Parse(s)!.Value);

    public static HclValue True => HclValue.True;

    public static HclValue False => HclValue.False;

    public static HclValue Null(HclType t) => HclValue.NullOf(t);

    public static HclValue Unk(HclType t) => HclValue.UnknownOf(t);

    public static HclValue L(params HclValue[] e) => HclValue.List(e);

    public static HclValue LE(HclType t) => HclValue.ListOf(t);

    public static HclValue Set(params HclValue[] e) => HclValue.Set(e);

    public static HclValue SetE(HclType t) => HclValue.SetOf(t);

    public static HclValue T(params HclValue[] e) => HclValue.Tuple(e);

    public static HclValue O(params (string, HclValue)[] a) => HclValue.Object(a);

    public static HclValue M(params (string K, HclValue V)[] a) =>
        HclValue.Map(a.Select(x => new KeyValuePair<string, HclValue>(x.K, x.V)));

    public static HclValue ME(HclType t) => HclValue.MapOf(t);

    public static HclType TL(HclType e) => HclType.List(e);

    public static HclType TS(HclType e) => HclType.Set(e);

    public static HclType TM(HclType e) => HclType.Map(e);

    public static HclType TT(params HclType[] e) => HclType.Tuple(e);

    public static HclType TO(params (string, HclType)[] a) => HclType.Object(a);

    /// <summary>Object type with optional attributes named in <paramref name="optional"/>.</summary>
    public static HclType TOpt(string[] optional, params (string N, HclType T)[] a) =>
        HclType.Object(a.Select(x => new KeyValuePair<string, HclType>(x.N, x.T)), optional);

    public static HclValue Sens(this HclValue v) => v.Mark(HclMarks.Sensitive);
}
