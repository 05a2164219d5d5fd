using System.Collections.Concurrent;
using Provisioner.Hcl.Values;
using Provisioner.State;

namespace Provisioner.Engine.Evaluation;

/// <summary>
/// Recorded objects decoded ahead of use: refresh decodes every instance it reads and leaves the result here, and
/// planning the instance takes it instead of decoding the same JSON again. An entry is used only while the instance
/// still holds the JSON text it was decoded from (same string object) and for the same type. Thread-safe.
/// </summary>
internal sealed class DecodedStates
{
    private readonly ConcurrentDictionary<InstanceState, (string Json, HclType Type, HclResult Result)> _entries =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>Decodes <paramref name="instance"/> and keeps the result for one later <see cref="Take"/>.</summary>
    public HclResult DecodeAndKeep(InstanceState instance, HclType type)
    {
        var result = StateValues.Decode(instance, type);
        _entries[instance] = (instance.AttributesJson, type, result);
        return result;
    }

    /// <summary>The kept decoding of <paramref name="instance"/> (forgotten afterwards), or a fresh one.</summary>
    public HclResult Take(InstanceState instance, HclType type)
    {
        if (_entries.TryRemove(instance, out var kept) && ReferenceEquals(kept.Json, instance.AttributesJson) && kept.Type.Equals(type))
            return kept.Result;
        return StateValues.Decode(instance, type);
    }
}
