using System.Collections.Concurrent;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Events;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Protocol;
using Provisioner.State.Journal;

namespace Provisioner.Cli.Commands;

/// <summary>
/// Adapts the executor's provider-call events to the apply journal: an intent (fsynced) for every
/// <see cref="ProviderCallStarting"/>, a result for every <see cref="ProviderCallFinished"/>; then passes every event on.
/// </summary>
/// <remarks>
/// The engine makes the provider call only after <see cref="Emit"/> returned, so the intent is on disk before the
/// call. A journal that cannot be written throws out of <see cref="Emit"/>: the step fails instead of calling the
/// provider unjournalled.
/// </remarks>
internal sealed class JournalingEvents(IEngineEvents inner, JournalWriter journal, string lineage, long serial) : IEngineEvents
{
    private readonly ConcurrentDictionary<string, JournalIntent> _open = new(StringComparer.Ordinal);

    public void Emit(EngineEvent e)
    {
        switch (e)
        {
            case ProviderCallStarting s:
                var intent = journal.AppendIntent(IntentOf(s));
                _open[s.IdempotencyToken] = intent;
                break;
            case ProviderCallFinished f when _open.TryRemove(f.IdempotencyToken, out var started):
                journal.AppendResult(new JournalResult(0, started.Seq, f.IdempotencyToken, f.Succeeded, f.Recorded));
                break;
        }
        inner.Emit(e);
    }

    private JournalIntent IntentOf(ProviderCallStarting s)
    {
        var (address, diags) = AddressParser.ParseInstance(s.Address, "journal");
        if (address is null)
            throw new InvalidOperationException($"The executor emitted an invalid address \"{s.Address}\": {diags}");
        var r = address.Resource;
        var (key, each) = address.Key.Kind switch
        {
            InstanceKeyKind.Int => ((object?)address.Key.Number, "list"),
            InstanceKeyKind.String => (address.Key.Text, "map"),
            _ => (null, ""),
        };
        var kind = s.Kind switch
        {
            ChangeKind.Create => JournalIntent.Create,
            ChangeKind.Update => JournalIntent.Update,
            _ => JournalIntent.Delete,
        };
        return new JournalIntent(0, lineage, serial, s.Address, r.Module.ToString(), r.Type, r.Name, each, key, s.Deposed,
            kind, s.IdempotencyToken, s.Generation, s.Provider, Json(s.Prior), Json(s.Planned), s.DeposedCurrent, s.Dependencies);
    }

    /// <summary>The value as JSON for the journal: null values are left out, unknown attributes are written as null.</summary>
    private static string? Json(HclValue? value)
    {
        if (value is null || value.IsNull)
            return null;
        var v = value.UnmarkDeep().Value;
        if (!v.IsWhollyKnown)
        {
            if (!v.IsKnown || !v.Type.IsObject)
                return null;
            v = HclValue.Object(v.Attributes.Select(a => KeyValuePair.Create(a.Key, a.Value.IsWhollyKnown ? a.Value : HclValue.NullOf(a.Value.Type))));
        }
        return HclJson.TryToJson(v, out var json, out _) ? json : null;
    }
}
