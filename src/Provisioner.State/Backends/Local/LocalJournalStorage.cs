using Provisioner.State.Journal;

namespace Provisioner.State.Backends.Local;

/// <summary>The local journal file (<c>STATE.journal</c>, JSON lines, mode 0600).</summary>
public sealed class LocalJournalStorage(string path) : IJournalStorage
{
    public string Path { get; } = path;

    public Task<bool> ExistsAsync(CancellationToken ct) => Task.FromResult(File.Exists(Path));

    public async Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken ct)
    {
        try
        {
            return File.Exists(Path) ? await File.ReadAllBytesAsync(Path, ct).ConfigureAwait(false) : ReadOnlyMemory<byte>.Empty;
        }
        catch (FileNotFoundException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateBackendException($"Cannot read the apply journal {Path}: {ex.Message}", ex);
        }
    }

    public IJournalAppender OpenAppender() => FileJournalAppender.Open(Path);

    public Task DeleteAsync(CancellationToken ct)
    {
        JournalFile.Delete(Path);
        return Task.CompletedTask;
    }
}
