using System.Globalization;
using Provisioner.State;
using Provisioner.State.Journal;
using Provisioner.State.Tests.Backends;

namespace Provisioner.Bench.State;

/// <summary>
/// What is written: the 100,000-resource state of the conformance test <c>AHundredThousandResourceStateRoundTrips</c>
/// (one <c>sim_machine</c> instance per resource), and the journal records an apply creating instance <c>i</c> of it
/// writes (an intent with the planned object, a result with the recorded object).
/// </summary>
internal static class Workload
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static StateSnapshot State(int resources) => BigStates.SimMachines("bench-lineage", resources);

    /// <summary>The intent and result of creating instance <paramref name="i"/> (sequence numbers assigned by the writer).</summary>
    public static (JournalIntent Intent, JournalResult Result) Records(int i)
    {
        var token = string.Create(Inv, $"{Guid.NewGuid():N}-1");
        var planned = string.Create(Inv, $"{{\"id\":null,\"name\":\"m{i}\",\"size\":\"small\",\"zone\":\"z1\",\"tags\":{{\"pool\":\"p{i % 100}\"}}}}");
        var intent = new JournalIntent(0, "bench-lineage", 1, string.Create(Inv, $"sim_machine.m{i}"), "", "sim_machine",
            string.Create(Inv, $"m{i}"), "", null, null, JournalIntent.Create, token, 1, "provider[\"sim\"]", null, planned, null);
        return (intent, new JournalResult(0, 0, token, true, BigStates.Instance(i)));
    }
}
