using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Conformance;

/// <summary>One node of an hcldec spec (the format in the specsuite's <c>.hcldec</c> files).</summary>
internal abstract record DecoderSpec;

internal sealed record ObjectSpec(IReadOnlyList<(string Name, DecoderSpec Spec)> Properties) : DecoderSpec;

internal sealed record ArraySpec(IReadOnlyList<DecoderSpec> Items) : DecoderSpec;

internal sealed record AttrSpec(string Name, HclType Type, bool Required) : DecoderSpec;

internal sealed record BlockSpec(string BlockType, bool Required, DecoderSpec Nested) : DecoderSpec;

internal sealed record BlockListSpec(string BlockType, int MinItems, int MaxItems, DecoderSpec Nested, bool IsSet) : DecoderSpec;

internal sealed record BlockMapSpec(string BlockType, IReadOnlyList<string> Labels, DecoderSpec Nested) : DecoderSpec;

internal sealed record LiteralSpec(HclValue Value) : DecoderSpec;

internal sealed record DefaultSpec(DecoderSpec Primary, DecoderSpec Fallback) : DecoderSpec;
