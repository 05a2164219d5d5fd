using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>A CSV reader with the rules and messages of Go's <c>encoding/csv</c> (comma-separated, RFC 4180
/// quoting, empty lines skipped, <c>\r\n</c> normalised, strict quotes), as <c>csvdecode</c> uses it.</summary>
internal sealed class EncodingCsv
{
    private readonly string _s;
    private int _pos;
    private int _line;

    public EncodingCsv(string s) => _s = s;

    /// <summary>Number of fields every record must have (0: not checked).</summary>
    public int FieldsPerRecord { get; set; }

    /// <summary>Reads the next record: true with the fields; false at the end (error null) or on a parse error
    /// (error formatted as <c>CSV parse error on line N: ...</c>).</summary>
    public bool TryRead(out List<string> fields, out string? error)
    {
        fields = [];
        error = null;
        string? line;
        do
        {
            line = ReadLine();
            if (line is null)
            {
                return false;
            }
        }
        while (line == "\n" || line.Length == 0);

        int recLine = _line;
        var field = new StringBuilder();
        while (true)
        {
            if (line.Length == 0 || line[0] != '"')
            {
                int i = line.IndexOf(',', StringComparison.Ordinal);
                string f = i >= 0 ? line[..i] : TrimNewline(line);
                int q = f.IndexOf('"', StringComparison.Ordinal);
                if (q >= 0)
                {
                    error = Error(_line, "bare \" in non-quoted-field");
                    return false;
                }

                fields.Add(f);
                if (i >= 0)
                {
                    line = line[(i + 1)..];
                    continue;
                }

                break;
            }

            // Quoted field.
            line = line[1..];
            field.Clear();
            bool done = false;
            while (!done)
            {
                int i = line.IndexOf('"', StringComparison.Ordinal);
                if (i >= 0)
                {
                    field.Append(line, 0, i);
                    line = line[(i + 1)..];
                    if (line.StartsWith('"'))
                    {
                        field.Append('"');
                        line = line[1..];
                    }
                    else if (line.StartsWith(','))
                    {
                        line = line[1..];
                        fields.Add(field.ToString());
                        done = true;
                        break;
                    }
                    else if (line.Length == 0 || line == "\n")
                    {
                        fields.Add(field.ToString());
                        return CheckCount(fields, recLine, out error);
                    }
                    else
                    {
                        error = Error(_line, "extraneous or missing \" in quoted-field");
                        return false;
                    }
                }
                else if (line.Length > 0)
                {
                    field.Append(line);
                    var next = ReadLine();
                    if (next is null)
                    {
                        error = Error(_line, "extraneous or missing \" in quoted-field");
                        return false;
                    }

                    line = next;
                }
                else
                {
                    error = Error(_line, "extraneous or missing \" in quoted-field");
                    return false;
                }
            }
        }

        return CheckCount(fields, recLine, out error);
    }

    private bool CheckCount(List<string> fields, int recLine, out string? error)
    {
        if (FieldsPerRecord > 0 && fields.Count != FieldsPerRecord)
        {
            error = Error(recLine, "wrong number of fields");
            return false;
        }

        error = null;
        return true;
    }

    private static string Error(int line, string message) => $"CSV parse error on line {line}: {message}";

    private static string TrimNewline(string s) => s.EndsWith('\n') ? s[..^1] : s;

    /// <summary>Next line including its <c>\n</c> (with <c>\r\n</c> normalised), or null at the end.</summary>
    private string? ReadLine()
    {
        if (_pos >= _s.Length)
        {
            return null;
        }

        int nl = _s.IndexOf('\n', _pos);
        string line;
        if (nl < 0)
        {
            line = _s[_pos..];
            _pos = _s.Length;
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }
        }
        else
        {
            line = _s[_pos..(nl + 1)];
            _pos = nl + 1;
        }

        _line++;
        if (line.EndsWith("\r\n", StringComparison.Ordinal))
        {
            line = line[..^2] + "\n";
        }

        return line;
    }
}
