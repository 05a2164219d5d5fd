using Provisioner.State.Backends;

namespace Provisioner.State.Tests.Encryption;

/// <summary>Test stand-in: appends records encrypted (see <see cref="EncryptingBackend"/>).</summary>
internal sealed class EncryptingAppender(IJournalAppender inner, IStateCipher cipher) : IJournalAppender
{
    public long Write(ReadOnlySpan<byte> record)
    {
        var sealedRecord = cipher.EncryptRecord(record);
        Assert.DoesNotContain((byte)'\n', sealedRecord);
        return inner.Write(sealedRecord);
    }

    public void Flush(long through) => inner.Flush(through);

    public void Dispose() => inner.Dispose();
}
