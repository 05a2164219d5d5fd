using System.Buffers;
using Provisioner.State.Backends;

namespace Provisioner.State.Tests.Encryption;

/// <summary>Test stand-in: a journal whose records are stored encrypted (see <see cref="EncryptingBackend"/>).</summary>
internal sealed class EncryptingJournal(IJournalStorage inner, IStateCipher cipher) : IJournalStorage
{
    public Task<bool> ExistsAsync(CancellationToken ct) => inner.ExistsAsync(ct);

    public async Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken ct)
    {
        var stored = await inner.ReadAsync(ct);
        var plain = new ArrayBufferWriter<byte>(Math.Max(stored.Length, 1));
        var rest = stored;
        while (rest.Length > 0)
        {
            var nl = rest.Span.IndexOf((byte)'\n');
            Assert.True(nl >= 0, "torn record");
            var (record, error) = cipher.DecryptRecord(rest.Span[..nl]);
            Assert.True(record is not null, error);
            plain.Write(record);
            plain.Write("\n"u8);
            rest = rest[(nl + 1)..];
        }
        return plain.WrittenMemory;
    }

    public IJournalAppender OpenAppender() => new EncryptingAppender(inner.OpenAppender(), cipher);

    public Task DeleteAsync(CancellationToken ct) => inner.DeleteAsync(ct);
}
