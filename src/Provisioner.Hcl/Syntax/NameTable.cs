using System.Text;

namespace Provisioner.Hcl.Syntax;

/// <summary>A small direct-mapped cache of identifier strings, so repeated names share one string instance.</summary>
internal sealed class NameTable
{
    private const int Size = 2048;

    [ThreadStatic]
    private static NameTable? t_forThread;
    private readonly string?[] _entries = new string?[Size];

    /// <summary>A table for the current thread (for strings built lazily from a tree after parsing).</summary>
    public static NameTable ForThread => t_forThread ??= new NameTable();

    public string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 48)
            return Encoding.UTF8.GetString(bytes);
        uint h = 2166136261;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
                return Encoding.UTF8.GetString(bytes);
            h = (h ^ b) * 16777619;
        }
        var idx = (int)(h & (Size - 1));
        var e = _entries[idx];
        if (e != null && Same(e, bytes))
            return e;
        var s = Encoding.UTF8.GetString(bytes);
        _entries[idx] = s;
        return s;
    }

    private static bool Same(string s, ReadOnlySpan<byte> b)
    {
        if (s.Length != b.Length)
            return false;
        for (var i = 0; i < b.Length; i++)
        {
            if (s[i] != b[i])
                return false;
        }
        return true;
    }
}
