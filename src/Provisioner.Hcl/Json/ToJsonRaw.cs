namespace Provisioner.Hcl.Json;

/// <summary>A JSON scalar written verbatim: a number in plain decimal, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal readonly record struct ToJsonRaw(string Text)
{
    public static readonly ToJsonRaw Null = new("null");
    public static readonly ToJsonRaw True = new("true");
    public static readonly ToJsonRaw False = new("false");
}
