using System.Text.Json;

namespace Provisioner.State.Backends;

/// <summary>
/// Reads the top-level <c>lineage</c> and <c>serial</c> of a stored state (plain JSON or an encrypted envelope, which
/// keeps them in clear) without decoding the rest: what the local backend compares for compare-and-swap.
/// </summary>
public static class StoredStateHeader
{
    /// <summary>The version, or null when the bytes are not a JSON object with both properties at the top level.</summary>
    public static StateVersion? TryRead(ReadOnlySpan<byte> bytes) => TryRead(bytes, isFinalBlock: true);

    /// <summary>
    /// As <see cref="TryRead(ReadOnlySpan{byte})"/> over the first bytes of a file (<paramref name="isFinalBlock"/>
    /// false): the header comes first, so a prefix usually suffices; null when it does not.
    /// </summary>
    public static StateVersion? TryRead(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, isFinalBlock, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip }));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            string? lineage = null;
            long? serial = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isLineage = reader.ValueTextEquals("lineage"u8);
                var isSerial = !isLineage && reader.ValueTextEquals("serial"u8);
                if (!reader.Read())
                    return null;
                if (isLineage && reader.TokenType == JsonTokenType.String)
                    lineage = reader.GetString();
                else if (isSerial && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n))
                    serial = n;
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    return null; // a value that goes beyond the prefix
                if (lineage is not null && serial is not null)
                    return new StateVersion(lineage, serial.Value);
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
