using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Provisioner.State.Backends;

namespace Provisioner.State.Encryption;

/// <summary>
/// The stored form of an encrypted state or journal record: one line of JSON,
/// <c>{"encryption_version":1,"lineage":..,"serial":..,"key":{..},"nonce":..,"ciphertext":..}</c> (lineage and serial
/// for states only), the ciphertext being AES-256-GCM output followed by its 16-byte tag, all base64.
/// </summary>
internal sealed record Envelope(int FormatVersion, StateVersion? Version, EnvelopeKey Key, byte[] Nonce, byte[] Ciphertext)
{
    public const int CurrentVersion = 1;

    /// <summary>Whether <paramref name="bytes"/> start like an envelope (a JSON object whose first member is <c>encryption_version</c>).</summary>
    public static bool Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        bytes = bytes.TrimStart(" \t\r\n"u8);
        if (bytes.IsEmpty || bytes[0] != (byte)'{')
            return false;
        return bytes[1..].TrimStart(" \t\r\n"u8).StartsWith("\"encryption_version\""u8);
    }

    /// <summary>The associated data that binds the clear header to the ciphertext (a compact JSON array).</summary>
    public static byte[] AssociatedData(string purpose, StateVersion? version, EnvelopeKey key)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(purpose);
            w.WriteNumberValue(CurrentVersion);
            if (version is { } v)
            {
                w.WriteStringValue(v.Lineage);
                w.WriteNumberValue(v.Serial);
            }
            else
            {
                w.WriteNullValue();
                w.WriteNullValue();
            }
            w.WriteStringValue(key.Provider);
            w.WriteStringValue(key.KeyId);
            if (key.Salt is not null)
            {
                w.WriteStringValue(EnvelopeKey.Hash);
                w.WriteNumberValue(key.Iterations);
                w.WriteBase64StringValue(key.Salt);
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The envelope as one line of JSON (no newline).</summary>
    public byte[] Write()
    {
        var buffer = new ArrayBufferWriter<byte>(Base64.GetMaxEncodedToUtf8Length(Ciphertext.Length) + 512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("encryption_version", FormatVersion);
            if (Version is { } v)
            {
                w.WriteString("lineage", v.Lineage);
                w.WriteNumber("serial", v.Serial);
            }
            w.WriteStartObject("key");
            w.WriteString("provider", Key.Provider);
            if (Key.Salt is not null)
            {
                w.WriteString("hash", EnvelopeKey.Hash);
                w.WriteNumber("iterations", Key.Iterations);
                w.WriteBase64String("salt", Key.Salt);
            }
            w.WriteString("key_id", Key.KeyId);
            w.WriteEndObject();
            w.WriteBase64String("nonce", Nonce);
            // The ciphertext is written by hand below: Utf8JsonWriter caps base64 values at 125 MB.
            w.WritePropertyName("ciphertext");
            w.Flush();
        }
        var span = buffer.GetSpan(Base64.GetMaxEncodedToUtf8Length(Ciphertext.Length) + 3);
        span[0] = (byte)'"';
        Base64.EncodeToUtf8(Ciphertext, span[1..], out _, out var written);
        span[1 + written] = (byte)'"';
        span[2 + written] = (byte)'}';
        buffer.Advance(written + 3);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an envelope; null and what is wrong when it is damaged or from a newer Provisioner.</summary>
    public static (Envelope? Envelope, string? Problem) Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ReadCore(bytes);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return (null, "it is not valid JSON (" + ex.Message + ")");
        }
    }

    private static (Envelope?, string?) ReadCore(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return (null, "it is not a JSON object");
        int? format = null;
        string? lineage = null;
        long? serial = null;
        EnvelopeKey? key = null;
        byte[]? nonce = null;
        byte[]? ciphertext = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "encryption_version" when reader.TokenType == JsonTokenType.Number:
                    format = reader.TryGetInt32(out var f) ? f : int.MaxValue;
                    break;
                case "lineage" when reader.TokenType == JsonTokenType.String:
                    lineage = reader.GetString();
                    break;
                case "serial" when reader.TokenType == JsonTokenType.Number:
                    serial = reader.GetInt64();
                    break;
                case "key" when reader.TokenType == JsonTokenType.StartObject:
                    var (k, problem) = ReadKey(ref reader);
                    if (k is null)
                        return (null, problem);
                    key = k;
                    break;
                case "nonce" when reader.TokenType == JsonTokenType.String:
                    nonce = reader.GetBytesFromBase64();
                    break;
                case "ciphertext" when reader.TokenType == JsonTokenType.String:
                    ciphertext = Base64Value(ref reader);
                    if (ciphertext is null)
                        return (null, "its \"ciphertext\" is not base64");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (format is null)
            return (null, "it has no \"encryption_version\"");
        if (format > CurrentVersion)
            return (null, $"it is in encryption format {format}, newer than this Provisioner reads ({CurrentVersion}): upgrade Provisioner");
        if (key is null)
            return (null, "it has no \"key\"");
        if (nonce is null || nonce.Length != StateEncryption.NonceLength)
            return (null, "its \"nonce\" is missing or not 12 bytes");
        if (ciphertext is null || ciphertext.Length < StateEncryption.TagLength)
            return (null, "its \"ciphertext\" is missing or too short");
        StateVersion? version = lineage is not null && serial is not null ? new StateVersion(lineage, serial.Value) : null;
        return (new Envelope(format.Value, version, key, nonce, ciphertext), null);
    }

    private static (EnvelopeKey?, string?) ReadKey(ref Utf8JsonReader reader)
    {
        string? provider = null, keyId = null, hash = null;
        byte[]? salt = null;
        var iterations = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "provider" when reader.TokenType == JsonTokenType.String:
                    provider = reader.GetString();
                    break;
                case "key_id" when reader.TokenType == JsonTokenType.String:
                    keyId = reader.GetString();
                    break;
                case "hash" when reader.TokenType == JsonTokenType.String:
                    hash = reader.GetString();
                    break;
                case "salt" when reader.TokenType == JsonTokenType.String:
                    salt = reader.GetBytesFromBase64();
                    break;
                case "iterations" when reader.TokenType == JsonTokenType.Number:
                    iterations = reader.TryGetInt32(out var n) ? n : -1;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (keyId is null)
            return (null, "its \"key\" has no \"key_id\"");
        switch (provider)
        {
            case "env":
                return (new EnvelopeKey(provider, keyId), null);
            case "pbkdf2":
                if (hash != EnvelopeKey.Hash)
                    return (null, $"its key's hash \"{hash}\" is not supported (only {EnvelopeKey.Hash})");
                if (salt is null || salt.Length < PassphraseStateKey.SaltLength)
                    return (null, "its key's \"salt\" is missing or shorter than 16 bytes");
                if (iterations is < PassphraseStateKey.MinimumIterations or > PassphraseStateKey.MaximumIterations)
                    return (null, $"its key's \"iterations\" is missing or out of range ({PassphraseStateKey.MinimumIterations:N0} to {PassphraseStateKey.MaximumIterations:N0})");
                return (new EnvelopeKey(provider, keyId, salt, iterations), null);
            default:
                return (null, $"its key provider \"{provider}\" is unknown (expected pbkdf2 or env)");
        }
    }

    /// <summary>A long base64 string value decoded without an intermediate copy; null when it is not base64.</summary>
    private static byte[]? Base64Value(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
            return reader.GetBytesFromBase64();
        var text = reader.ValueSpan;
        if (text.Length % 4 != 0)
            return null;
        var padding = text.Length == 0 ? 0 : text[^1] != (byte)'=' ? 0 : text[^2] == (byte)'=' ? 2 : 1;
        var output = new byte[text.Length / 4 * 3 - padding];
        if (Base64.DecodeFromUtf8(text, output, out _, out var written) != OperationStatus.Done || written != output.Length)
            return null;
        return output;
    }
}
