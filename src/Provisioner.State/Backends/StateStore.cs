using Provisioner.State.Encryption;
using Provisioner.State.Journal;

namespace Provisioner.State.Backends;

/// <summary>
/// A workspace's state as the CLI uses it, over any backend's <see cref="IStateStorage"/>: decodes and encodes the
/// state (<see cref="StateJson"/>), encrypts at rest when configured, writes with compare-and-swap, and opens, reads
/// and deletes the apply journal.
/// </summary>
public sealed class StateStore(IStateStorage storage, IStateCipher? cipher = null)
{
    /// <summary>The backend's storage for this workspace.</summary>
    public IStateStorage Storage { get; } = storage;

    /// <summary>Whether states and journal records are encrypted.</summary>
    public bool Encrypted => cipher is not null;

    /// <summary>Where the state is, for messages.</summary>
    public string Location => Storage.Location;

    /// <summary>
    /// Reads and decodes the state: no snapshot and no error when there is none; an error for the user when it cannot
    /// be decrypted or decoded (naming where it is and where the previous version is kept).
    /// </summary>
    /// <exception cref="StateBackendException">The backend cannot be reached.</exception>
    public async Task<(StateReadResult Result, StateVersion? Version)> ReadAsync(CancellationToken ct)
    {
        var stored = await Storage.ReadAsync(ct).ConfigureAwait(false);
        if (stored is null)
            return (new StateReadResult(null, null), null);
        var bytes = stored.Bytes;
        if (cipher is not null)
        {
            var (json, error) = cipher.DecryptState(bytes);
            if (json is null)
                return (new StateReadResult(null, $"{Location}: {error}"), stored.Version);
            bytes = json;
        }
        else if (StateEncryption.IsEnvelope(bytes.Span))
            return (new StateReadResult(null, $"{Location}: {StateEncryption.NotConfiguredMessage("the state")}"), stored.Version);
        var result = StateJson.Read(bytes);
        if (!result.IsSuccess)
        {
            var hint = Storage.PreviousVersionHint is { Length: > 0 } h ? " " + h : "";
            return (result with { Error = $"{Location}: {result.Error}{hint}" }, stored.Version);
        }
        return (result, stored.Version);
    }

    /// <summary>
    /// Writes <paramref name="state"/> as given (the caller sets the serial) if the stored state is
    /// <paramref name="expected"/> (null: none yet); otherwise refuses (<see cref="StateWriteResult.Written"/> false).
    /// </summary>
    /// <exception cref="StateBackendException">The backend cannot be reached.</exception>
    public Task<StateWriteResult> WriteAsync(StateSnapshot state, StateVersion? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = StateJson.Serialize(state);
        var version = new StateVersion(state.Lineage, state.Serial);
        var bytes = cipher is null ? json : cipher.EncryptState(json, version);
        return Storage.WriteAsync(new StoredState(version, bytes), expected, ct);
    }

    /// <summary>Whether an interrupted apply's journal is waiting for recovery.</summary>
    public Task<bool> JournalExistsAsync(CancellationToken ct) => Storage.Journal.ExistsAsync(ct);

    /// <summary>Reads and decodes the journal (empty contents when there is none).</summary>
    public async Task<JournalReadResult> ReadJournalAsync(CancellationToken ct)
    {
        var bytes = await Storage.Journal.ReadAsync(ct).ConfigureAwait(false);
        var where = Location + " (journal)";
        if (cipher is null)
        {
            return StateEncryption.IsEnvelope(bytes.Span)
                ? new JournalReadResult(null, $"{where}: {StateEncryption.NotConfiguredMessage("the apply journal")}")
                : JournalFile.Decode(bytes, where);
        }
        var plain = new MemoryStream(bytes.Length);
        var rest = bytes;
        var lineNo = 0;
        while (rest.Length > 0)
        {
            lineNo++;
            var nl = rest.Span.IndexOf((byte)'\n');
            if (nl < 0)
            {
                plain.Write(rest.Span); // torn last record: passed on without newline, so it is ignored and reported as torn
                break;
            }
            var line = rest.Span[..nl];
            rest = rest[(nl + 1)..];
            if (line.Trim(" \t\r"u8).Length == 0)
                continue;
            var (record, error) = cipher.DecryptRecord(line);
            if (record is null)
                return new JournalReadResult(null, $"The apply journal {where} cannot be decrypted at record {lineNo}: {error}");
            plain.Write(record);
            plain.WriteByte((byte)'\n');
        }
        return JournalFile.Decode(plain.GetBuffer().AsMemory(0, (int)plain.Length), where);
    }

    /// <summary>Opens the journal for appending, numbering after <paramref name="lastSeq"/>.</summary>
    public JournalWriter OpenJournal(long lastSeq = 0) => new(Storage.Journal.OpenAppender(), lastSeq, cipher);

    /// <summary>Deletes the journal, once its content is in a written state.</summary>
    public Task DeleteJournalAsync(CancellationToken ct) => Storage.Journal.DeleteAsync(ct);
}
