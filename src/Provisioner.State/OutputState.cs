namespace Provisioner.State;

/// <summary>A root module output as last applied.</summary>
/// <param name="ValueJson">The value as JSON.</param>
/// <param name="TypeJson">The value's type in cty's JSON type form (<c>"string"</c>, <c>["list","string"]</c>).</param>
/// <param name="Sensitive">Shown as <c>(sensitive value)</c>.</param>
public sealed record OutputState(string ValueJson, string TypeJson, bool Sensitive);
