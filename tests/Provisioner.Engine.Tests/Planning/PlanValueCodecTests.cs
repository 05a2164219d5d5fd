using System.Text;
using System.Text.Json;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;
using static Provisioner.Engine.Tests.Planning.PlanFileFixtures;

namespace Provisioner.Engine.Tests.Planning;

public sealed class PlanValueCodecTests
{
    public static TheoryData<string> ValueNames() => new(PlanFileFixtures.Values().Select(v => v.Name));

    private static string Encode(HclValue v)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
            PlanValueCodec.Write(w, v);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static HclValue? Decode(string json, out string? error)
    {
        using var doc = JsonDocument.Parse(json);
        return PlanValueCodec.Read(doc.RootElement, out error);
    }

    private static void AssertNumbersKeepPrecision(HclValue expected, HclValue actual)
    {
        if (expected.Type.IsNumber && expected.IsKnownNotNull)
        {
            Assert.Equal(expected.AsNumber().Precision, actual.AsNumber().Precision);
            Assert.Equal(expected.AsNumber().ToString(), actual.AsNumber().ToString());
        }
        else if (expected.IsKnownNotNull && (expected.Type.IsSequence || expected.Type.IsMap || expected.Type.IsObject))
        {
            for (var i = 0; i < expected.ElementValues.Count; i++)
                AssertNumbersKeepPrecision(expected.ElementValues[i], actual.ElementValues[i]);
        }
    }

    [Theory]
    [MemberData(nameof(ValueNames))]
    public void Write_ThenRead_GivesARawEqualValueWithTheSameMarks(string name)
    {
        var value = PlanFileFixtures.Values().Single(v => v.Name == name).Value;
        var json = Encode(value);
        var back = Decode(json, out var error);
        Assert.Null(error);
        Assert.NotNull(back);
        Assert.True(value.RawEquals(back), $"{name}: {value} != {back}\n{json}");
        Assert.Equal(value.Type, back.Type);
        Assert.Equal(value.DeepMarks(), back.DeepMarks());
        AssertNumbersKeepPrecision(value, back);
        Assert.Equal(json, Encode(back));
    }

    [Fact]
    public void Write_UnknownsAndMarks_AreListedByPath()
    {
        var json = Encode(SensitiveNested());
        Assert.Contains("\"marks\":[{\"path\":[\"keys\",1],\"marks\":[\"sensitive\"]},{\"path\":[\"password\"]", json);
        var unknownJson = Encode(Nested());
        Assert.Contains("\"unknown\":[[\"anything\"],[\"disks\",1,\"size\"],[\"id\"]]", unknownJson);
    }

    [Fact]
    public void Write_512BitNumber_IsAPlainJsonNumberWithAllDigits()
    {
        var n = HclValue.ParseNumber("123456789012345678901234567890123456789012345678901234567890.5").Value!;
        Assert.Equal("{\"type\":\"number\",\"value\":123456789012345678901234567890123456789012345678901234567890.5}", Encode(n));
        Assert.Equal("{\"type\":\"number\",\"value\":{\"text\":\"5\",\"precision\":64}}", Encode(N(5)));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-1234.5678e-300)]
    [InlineData(6.02214076e23)]
    public void BinaryNumberForm_RoundTripsExactly(double d)
    {
        var n = HclNumber.FromDouble(d);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
            PlanValueCodec.WriteBinaryNumber(w, n);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var back = PlanValueCodec.ReadNumber(doc.RootElement);
        Assert.NotNull(back);
        Assert.Equal(n, back.Value);
        Assert.Equal(53, back.Value.Precision);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"strin\",\"value\":\"x\"}")]
    [InlineData("{\"type\":\"string\",\"value\":1}")]
    [InlineData("{\"type\":\"number\",\"value\":\"12\"}")]
    [InlineData("{\"type\":\"number\",\"value\":{\"mantissa\":\"x\",\"exponent\":0,\"precision\":64}}")]
    [InlineData("{\"type\":[\"list\",\"string\"],\"value\":[1]}")]
    [InlineData("{\"type\":[\"object\",{\"a\":\"string\"}],\"value\":{}}")]
    [InlineData("{\"type\":[\"object\",{\"a\":\"string\"}],\"value\":{\"a\":\"x\",\"b\":\"y\"}}")]
    [InlineData("{\"type\":[\"tuple\",[\"string\"]],\"value\":[\"a\",\"b\"]}")]
    [InlineData("{\"type\":\"dynamic\",\"value\":\"x\"}")]
    [InlineData("{\"type\":\"string\",\"value\":\"x\",\"unknown\":[[]]}")]
    [InlineData("{\"type\":\"string\",\"value\":null,\"unknown\":[[{}]]}")]
    [InlineData("{\"type\":\"string\",\"value\":null,\"marks\":[{\"path\":[]}]}")]
    public void Read_MalformedInput_GivesAnErrorNotAnException(string json)
    {
        var v = Decode(json, out var error);
        Assert.Null(v);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
