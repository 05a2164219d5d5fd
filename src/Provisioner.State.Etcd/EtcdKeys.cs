using System.Globalization;
using System.Text;

namespace Provisioner.State.Etcd;

/// <summary>
/// The key layout under the backend's prefix <c>P</c> (see README.md): <c>P state/W</c> is workspace W's head,
/// <c>P chunks/W/GEN/NNNNNN</c> the chunks of a generation, <c>P journal/W/SEQ</c> the journal records of one flush (named by the last one's sequence number), and
/// <c>P lock/W</c> the lock (attached to a lease). Workspace names contain no <c>/</c>, so one workspace's keys never
/// fall inside another's ranges.
/// </summary>
internal sealed class EtcdKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string HeadsPrefix => Prefix + "state/";

    public string Head(string workspace) => HeadsPrefix + workspace;

    public string ChunksPrefix(string workspace) => Prefix + "chunks/" + workspace + "/";

    public string GenerationPrefix(string workspace, string generation) => ChunksPrefix(workspace) + generation + "/";

    public string Chunk(string workspace, string generation, int index) =>
        GenerationPrefix(workspace, generation) + index.ToString("D6", CultureInfo.InvariantCulture);

    public string JournalPrefix(string workspace) => Prefix + "journal/" + workspace + "/";

    public string JournalRecord(string workspace, long seq) =>
        JournalPrefix(workspace) + seq.ToString("D20", CultureInfo.InvariantCulture);

    public string Lock(string workspace) => Prefix + "lock/" + workspace;

    public static byte[] Bytes(string key) => Encoding.UTF8.GetBytes(key);

    /// <summary>The end of the range of every key starting with <paramref name="prefix"/> (etcd's <c>GetPrefixRangeEnd</c>).</summary>
    public static byte[] RangeEnd(byte[] prefix)
    {
        var end = (byte[])prefix.Clone();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] < 0xff)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }
        return [0]; // every key
    }
}
