using System.Collections.Concurrent;
using System.Security.Cryptography;
using Provisioner.State.Backends;

namespace Provisioner.State.Encryption;

/// <summary>
/// Encryption at rest of states and journal records (<see cref="IStateCipher"/>): AES-256-GCM with a random 12-byte
/// nonce per encryption and a 16-byte tag, the key from a passphrase (PBKDF2-HMAC-SHA-512, salt and iteration count
/// stored in the envelope) or given raw. The clear header (lineage, serial, key description) is bound to the
/// ciphertext as associated data, so it cannot be altered or swapped. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Writes always use <see cref="StateEncryptionSettings.Primary"/>; reads try the primary key, then the
/// fallback, so after a key rotation old states still open and the next write re-encrypts them with the new key.
/// Each key's identifier is stored in clear, which tells a wrong key from a damaged file.</para>
/// <para>A passphrase is stretched once per salt: one random salt per instance (per process) serves every write, and
/// a state read with the primary passphrase lends its salt to the writes that follow.</para>
/// </remarks>
public sealed class StateEncryption : IStateCipher
{
    internal const int NonceLength = 12;
    internal const int TagLength = 16;
    private const string StatePurpose = "provisioner-state";
    private const string RecordPurpose = "provisioner-journal-record";

    private readonly StateEncryptionSettings _settings;
    private readonly ConcurrentDictionary<(StateKey, string), Lazy<byte[]>> _derived = new();
    private readonly Lock _writeKeyLock = new();
    private OpenKey? _writeKey;

    /// <summary>Encrypts and decrypts as <paramref name="settings"/> say.</summary>
    public StateEncryption(StateEncryptionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Primary is null && settings.Fallback is null)
            throw new ArgumentException("Encryption settings need a primary or a fallback key.", nameof(settings));
        _settings = settings;
        if (settings.Primary is RawStateKey raw)
            _writeKey = new OpenKey(raw.Key, new EnvelopeKey(raw.Provider, raw.Id));
    }

    /// <summary>The settings in use.</summary>
    public StateEncryptionSettings Settings => _settings;

    /// <summary>
    /// Whether <paramref name="bytes"/> are an encrypted state or journal record (a JSON object whose first member is
    /// <c>encryption_version</c>), as opposed to plain JSON: cheap, it looks at the first bytes only.
    /// </summary>
    public static bool IsEnvelope(ReadOnlySpan<byte> bytes) => Envelope.Detect(bytes);

    /// <summary>What a reader without encryption settings says about an encrypted state or journal.</summary>
    public static string NotConfiguredMessage(string what) =>
        $"{what} is encrypted, but no encryption is configured: add `encryption {{ ... }}` to the `provisioner` block " +
        "with the key it was encrypted with (docs/state.md, \"Encryption at rest\")";

    public byte[] EncryptState(ReadOnlySpan<byte> json, StateVersion version) =>
        Seal(json, StatePurpose, version);

    public (byte[]? Json, string? Error) DecryptState(ReadOnlyMemory<byte> stored) =>
        Open(stored.Span, StatePurpose, "the state", expectHeader: true);

    public byte[] EncryptRecord(ReadOnlySpan<byte> record) => Seal(record, RecordPurpose, null);

    public (byte[]? Record, string? Error) DecryptRecord(ReadOnlySpan<byte> stored) =>
        Open(stored, RecordPurpose, "the record", expectHeader: false);

    private byte[] Seal(ReadOnlySpan<byte> plain, string purpose, StateVersion? version)
    {
        var key = WriteKey();
        if (key is null)
            return plain.ToArray(); // no primary key: writing unencrypted (migrating away from encryption)
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var output = new byte[plain.Length + TagLength];
        using (var aes = new AesGcm(key.Key, TagLength))
        {
            aes.Encrypt(nonce, plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length),
                Envelope.AssociatedData(purpose, version, key.Header));
        }
        return new Envelope(Envelope.CurrentVersion, version, key.Header, nonce, output).Write();
    }

    private (byte[]?, string?) Open(ReadOnlySpan<byte> stored, string purpose, string what, bool expectHeader)
    {
        if (!Envelope.Detect(stored))
        {
            if (_settings.ReadsUnencrypted)
                return (stored.ToArray(), null);
            return (null, $"{what} is not encrypted, but encryption is configured. To encrypt an existing state, set " +
                "`allow_unencrypted = true` in the `encryption` block for one run that writes the state (it is written " +
                "encrypted), then remove it (docs/state.md, \"Encryption at rest\")");
        }
        var (envelope, problem) = Envelope.Read(stored);
        if (envelope is not null && expectHeader && envelope.Version is null)
            (envelope, problem) = (null, "it has no clear \"lineage\" and \"serial\"");
        if (envelope is null)
            return (null, $"{what} is encrypted but its envelope is damaged: {problem}");

        var tried = new List<string>(2);
        foreach (var candidate in new[] { _settings.Primary, _settings.Fallback })
        {
            if (candidate is null)
                continue;
            tried.Add(candidate.Source);
            if (candidate.Provider != envelope.Key.Provider)
                continue;
            var key = KeyFor(candidate, envelope.Key);
            if (StateKey.KeyId(key) != envelope.Key.KeyId)
                continue;
            var plain = new byte[envelope.Ciphertext.Length - TagLength];
            try
            {
                using var aes = new AesGcm(key, TagLength);
                aes.Decrypt(envelope.Nonce, envelope.Ciphertext.AsSpan(0, plain.Length), envelope.Ciphertext.AsSpan(plain.Length),
                    plain, Envelope.AssociatedData(purpose, envelope.Version, envelope.Key));
            }
            catch (AuthenticationTagMismatchException)
            {
                return (null, $"{what} is encrypted with the right key ({candidate.Source}) but is damaged or was altered: its " +
                    "authentication tag does not match its content and clear header. Restore it from a backup or an earlier version");
            }
            if (ReferenceEquals(candidate, _settings.Primary))
                LendSalt(key, envelope.Key);
            return (plain, null);
        }
        var keys = tried.Count switch
        {
            0 => "no key is configured for reading encrypted files",
            1 => $"the configured key ({tried[0]}) does not open it",
            _ => $"neither the configured key ({tried[0]}) nor the fallback key ({tried[1]}) opens it",
        };
        return (null, $"{what} cannot be decrypted with the configured key or fallback key: wrong passphrase or key? " +
            $"It was encrypted with {Describe(envelope.Key)}; {keys}");
    }

    private static string Describe(EnvelopeKey key) => key.Provider == "pbkdf2"
        ? $"a passphrase (pbkdf2, {EnvelopeKey.Hash}, {key.Iterations:N0} iterations, key id {key.KeyId})"
        : $"a raw key (env, key id {key.KeyId})";

    /// <summary>The 256-bit key <paramref name="candidate"/> gives for an envelope's key header (derived once per salt).</summary>
    private byte[] KeyFor(StateKey candidate, EnvelopeKey header)
    {
        switch (candidate)
        {
            case RawStateKey raw:
                return raw.Key;
            case PassphraseStateKey pass:
                var salt = header.Salt!;
                var iterations = header.Iterations;
                var lazy = _derived.GetOrAdd((candidate, $"{iterations}:{Convert.ToBase64String(salt)}"),
                    _ => new Lazy<byte[]>(() => pass.Derive(salt, iterations), LazyThreadSafetyMode.ExecutionAndPublication));
                return lazy.Value;
            default:
                throw new InvalidOperationException("unknown key type " + candidate.GetType().Name);
        }
    }

    /// <summary>The primary key for writing, deriving it (with a new random salt) on first use; null when there is none.</summary>
    private OpenKey? WriteKey()
    {
        if (Volatile.Read(ref _writeKey) is { } known)
            return known;
        if (_settings.Primary is not PassphraseStateKey pass)
            return null;
        lock (_writeKeyLock)
        {
            if (_writeKey is null)
            {
                var salt = RandomNumberGenerator.GetBytes(PassphraseStateKey.SaltLength);
                var key = pass.Derive(salt, pass.Iterations);
                Volatile.Write(ref _writeKey, new OpenKey(key, new EnvelopeKey(pass.Provider, StateKey.KeyId(key), salt, pass.Iterations)));
            }
            return _writeKey;
        }
    }

    /// <summary>
    /// After a read with the primary passphrase at the configured iteration count, writes reuse that salt and key
    /// instead of deriving another (nonces stay random per encryption).
    /// </summary>
    private void LendSalt(byte[] key, EnvelopeKey header)
    {
        if (_settings.Primary is not PassphraseStateKey pass || header.Iterations != pass.Iterations || Volatile.Read(ref _writeKey) is not null)
            return;
        lock (_writeKeyLock)
            _writeKey ??= new OpenKey(key, header);
    }
}
