using System.Globalization;
using System.Text.Json;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Tests.Planning;

/// <summary>Round trips of randomly shaped values (fixed seeds, so failures reproduce).</summary>
public sealed class PlanValueCodecRandomTests
{
    private static HclType RandomType(Random r, int depth)
    {
        var pick = r.Next(depth <= 0 ? 4 : 10);
        return pick switch
        {
            0 => HclType.String,
            1 => HclType.Number,
            2 => HclType.Bool,
            3 => HclType.Dynamic,
            4 or 5 => HclType.List(RandomType(r, depth - 1)),
            6 => HclType.Set(r.Next(2) == 0 ? HclType.String : HclType.Object(("n", HclType.Number), ("s", HclType.String))),
            7 => HclType.Map(RandomType(r, depth - 1)),
            8 => HclType.Object(Enumerable.Range(0, r.Next(4)).Select(i => new KeyValuePair<string, HclType>("a" + i.ToString(CultureInfo.InvariantCulture), RandomType(r, depth - 1)))),
            _ => HclType.Tuple(Enumerable.Range(0, r.Next(4)).Select(_ => RandomType(r, depth - 1))),
        };
    }

    private static HclNumber RandomNumber(Random r) => r.Next(4) switch
    {
        0 => HclNumber.FromLong(r.NextInt64(long.MinValue, long.MaxValue)),
        1 => HclNumber.FromDouble((r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-300, 300))),
        2 => HclNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"{r.NextInt64()}{r.NextInt64()}.{r.NextInt64()}e{r.Next(-500, 500)}"))!.Value,
        _ => HclNumber.FromLong(r.Next(-10, 10)),
    };

    private static HclValue RandomValue(Random r, HclType t, int depth)
    {
        var roll = r.Next(20);
        HclValue v;
        if (t.IsDynamic)
            v = roll < 10 ? HclValue.DynamicVal : HclValue.Null;
        else if (roll == 0)
            v = HclValue.NullOf(t);
        else if (roll == 1)
            v = HclValue.UnknownOf(t);
        else
        {
            v = t.Kind switch
            {
                HclTypeKind.String => HclValue.String(new string((char)r.Next(32, 0x3000), r.Next(5))),
                HclTypeKind.Number => HclValue.Number(RandomNumber(r)),
                HclTypeKind.Bool => HclValue.Bool(r.Next(2) == 0),
                HclTypeKind.List => HclValue.ListOf(t.ElementType, Enumerable.Range(0, r.Next(4)).Select(_ => RandomValue(r, t.ElementType, depth - 1))),
                HclTypeKind.Set => HclValue.SetOf(t.ElementType, Enumerable.Range(0, r.Next(4)).Select(_ => RandomValue(r, t.ElementType, depth - 1))),
                HclTypeKind.Map => HclValue.MapOf(t.ElementType, Enumerable.Range(0, r.Next(4)).Select(i => new KeyValuePair<string, HclValue>("k" + i.ToString(CultureInfo.InvariantCulture), RandomValue(r, t.ElementType, depth - 1)))),
                HclTypeKind.Object => HclValue.Object(t.AttributeTypes.Select(a => new KeyValuePair<string, HclValue>(a.Key, RandomValue(r, a.Value, depth - 1)))),
                _ => HclValue.Tuple(t.TupleElementTypes.Select(et => RandomValue(r, et, depth - 1))),
            };
        }
        return r.Next(8) == 0 ? v.Mark(r.Next(3) == 0 ? HclMarks.Ephemeral : HclMarks.Sensitive) : v;
    }

    [Fact]
    public void RandomValues_SurviveWriteThenRead()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var r = new Random(seed);
            var value = RandomValue(r, RandomType(r, 4), 4);
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
                PlanValueCodec.Write(w, value);
            using var doc = JsonDocument.Parse(stream.ToArray());
            var back = PlanValueCodec.Read(doc.RootElement, out var error);
            Assert.True(error is null, $"seed {seed}: {error}");
            Assert.True(value.RawEquals(back), $"seed {seed}: {value} != {back}");
        }
    }
}
