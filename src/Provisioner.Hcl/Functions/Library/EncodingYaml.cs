using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Provisioner.Hcl.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// <c>yamldecode</c> and <c>yamlencode</c> with <c>go-cty-yaml</c>'s rules: a single document; mappings become
/// objects and sequences tuples; plain scalars resolved to null/bool/number/timestamp/string; anchors, aliases
/// and merge keys; and an emitter producing libyaml's block style with double-quoted strings.
/// </summary>
internal static partial class EncodingYaml
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    private const string StrTag = TagPrefix + "str";
    private const string BoolTag = TagPrefix + "bool";
    private const string IntTag = TagPrefix + "int";
    private const string FloatTag = TagPrefix + "float";
    private const string NullTag = TagPrefix + "null";
    private const string TimestampTag = TagPrefix + "timestamp";
    private const string BinaryTag = TagPrefix + "binary";
    private const string MapTag = TagPrefix + "map";
    private const string SeqTag = TagPrefix + "seq";

    private static readonly HclValue MergeKey = HclValue.String("<<").Mark("yaml-merge");

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$")]
    private static partial Regex TimestampPattern();

    // ------------------------------------------------------------------ decoding

    private sealed class PositionedError(Mark mark, string message) : Exception(message)
    {
        public Mark Mark { get; } = mark;
    }

    /// <summary>Decodes one YAML document.</summary>
    public static bool TryDecode(string src, out HclValue value, out string? error)
    {
        value = HclValue.Null;
        error = null;
        if (src.Length == 0)
        {
            src = "\n";
        }

        var anchors = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(src));
            var evt = Next(parser);
            if (evt is not StreamStart)
            {
                throw Err(evt, "missing stream start token");
            }

            evt = Next(parser);
            if (evt is StreamEnd)
            {
                // An empty document is null.
                value = HclValue.Null;
                return true;
            }

            if (evt is not DocumentStart)
            {
                throw Err(evt, "missing start of document");
            }

            value = ParseValue(parser, Next(parser), anchors, pending);
            evt = Next(parser);
            if (evt is DocumentStart)
            {
                throw Err(evt, "only a single document is allowed");
            }

            if (evt is not DocumentEnd)
            {
                throw Err(evt, $"unexpected extra content ({evt.GetType().Name}) after value");
            }

            evt = Next(parser);
            if (evt is DocumentStart)
            {
                throw Err(evt, "only a single document is allowed");
            }

            if (evt is not StreamEnd)
            {
                throw Err(evt, "unexpected extra content after value");
            }

            return true;
        }
        catch (PositionedError e)
        {
            // go-cty-yaml reports libyaml's zero-based line and (one past) its zero-based column.
            error = $"on line {Math.Max(0, e.Mark.Line - 1)}, column {e.Mark.Column}: {e.Message}";
            return false;
        }
        catch (YamlException e)
        {
            error = $"on line {e.Start.Line}, column {e.Start.Column}: {e.Message}";
            return false;
        }
    }

    private static ParsingEvent Next(IParser parser)
    {
        if (!parser.MoveNext())
        {
            throw new PositionedError(Mark.Empty, "unexpected end of stream");
        }

        return parser.Current!;
    }

    private static PositionedError Err(ParsingEvent evt, string message) => new(evt.Start, message);

    private static HclValue ParseValue(IParser parser, ParsingEvent evt, Dictionary<string, HclValue> anchors, Dictionary<string, int> pending)
    {
        switch (evt)
        {
            case Scalar scalar:
            {
                var anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                if (anchor is not null)
                {
                    Begin(pending, anchor);
                }

                var v = ResolveScalar(scalar);
                if (v.RawEquals(MergeKey))
                {
                    v = HclValue.String("<<");
                }

                if (anchor is not null)
                {
                    Complete(pending, anchors, anchor, v);
                }

                return v;
            }

            case AnchorAlias alias:
            {
                var name = alias.Value.Value;
                if (pending.ContainsKey(name))
                {
                    throw Err(evt, $"cannot refer to anchor {EncodingText.GoQuote(name)} from inside its own definition");
                }

                if (!anchors.TryGetValue(name, out var v))
                {
                    throw Err(evt, $"reference to undefined anchor {EncodingText.GoQuote(name)}");
                }

                return v;
            }

            case MappingStart map:
            {
                var tag = map.Tag.IsEmpty ? "" : map.Tag.Value;
                if (tag is not ("" or "!" or MapTag))
                {
                    throw Err(evt, $"can't interpret mapping as {tag}");
                }

                var anchor = map.Anchor.IsEmpty ? null : map.Anchor.Value;
                if (anchor is not null)
                {
                    Begin(pending, anchor);
                }

                var vals = new Dictionary<string, HclValue>(StringComparer.Ordinal);
                while (true)
                {
                    var next = Next(parser);
                    if (next is MappingEnd)
                    {
                        break;
                    }

                    if (next is not Scalar keyEvt)
                    {
                        throw Err(next, "only strings are allowed as mapping keys");
                    }

                    var key = ResolveScalar(keyEvt);
                    if (key.RawEquals(MergeKey))
                    {
                        var merged = ParseValue(parser, Next(parser), anchors, pending);
                        if (!(merged.Type.IsObject || merged.Type.IsMap) || !merged.IsKnownNotNull)
                        {
                            throw Err(next, $"cannot merge {merged.Type.FriendlyName} into mapping");
                        }

                        foreach (var (k, v) in merged.Attributes)
                        {
                            vals[k] = v;
                        }

                        continue;
                    }

                    var keyStr = HclConvert.Convert(key, HclType.String);
                    if (!keyStr.IsSuccess)
                    {
                        throw Err(next, "only strings are allowed as mapping keys");
                    }

                    if (keyStr.Value.IsNull)
                    {
                        throw Err(next, "mapping key cannot be null");
                    }

                    vals[keyStr.Value.AsString()] = ParseValue(parser, Next(parser), anchors, pending);
                }

                var obj = HclValue.Object(vals);
                if (anchor is not null)
                {
                    Complete(pending, anchors, anchor, obj);
                }

                return obj;
            }

            case SequenceStart seq:
            {
                var tag = seq.Tag.IsEmpty ? "" : seq.Tag.Value;
                if (tag is not ("" or "!" or SeqTag))
                {
                    throw Err(evt, $"can't interpret sequence as {tag}");
                }

                var anchor = seq.Anchor.IsEmpty ? null : seq.Anchor.Value;
                if (anchor is not null)
                {
                    Begin(pending, anchor);
                }

                var items = new List<HclValue>();
                while (true)
                {
                    var next = Next(parser);
                    if (next is SequenceEnd)
                    {
                        break;
                    }

                    items.Add(ParseValue(parser, next, anchors, pending));
                }

                var tuple = HclValue.Tuple(items);
                if (anchor is not null)
                {
                    Complete(pending, anchors, anchor, tuple);
                }

                return tuple;
            }

            case DocumentStart:
                throw Err(evt, "only a single document is allowed");
            case StreamEnd:
                throw Err(evt, "expecting value but found end of stream");
            default:
                throw Err(evt, $"unexpected parser event {evt.GetType().Name}");
        }
    }

    private static void Begin(Dictionary<string, int> pending, string anchor) =>
        pending[anchor] = pending.GetValueOrDefault(anchor) + 1;

    private static void Complete(Dictionary<string, int> pending, Dictionary<string, HclValue> anchors, string anchor, HclValue v)
    {
        if (--pending[anchor] == 0)
        {
            pending.Remove(anchor);
        }

        anchors[anchor] = v;
    }

    private static HclValue ResolveScalar(Scalar evt)
    {
        var tag = evt.Tag.IsEmpty ? "" : evt.Tag.Value;
        var src = evt.Value;
        if (tag.Length == 0 && evt.Style != ScalarStyle.Plain)
        {
            // Quoted and block scalars are verbatim strings.
            return HclValue.String(src);
        }

        if (tag == "!")
        {
            return HclValue.String(src);
        }

        var r = Resolve(tag, src);
        if (r.Error is not null)
        {
            throw Err(evt, r.Error);
        }

        return r.Value!;
    }

    private static (HclValue? Value, string? Error) Resolve(string tag, string src)
    {
        if (tag is not ("" or StrTag or BoolTag or IntTag or FloatTag or NullTag or TimestampTag or BinaryTag))
        {
            return (null, $"unsupported tag {EncodingText.GoQuote(tag)}");
        }

        char hint = src.Length == 0 ? 'N' : Hint(src[0]);
        if (hint != '\0' && tag != StrTag && tag != BinaryTag)
        {
            if (ResolveWord(src) is { } word)
            {
                return (word, null);
            }

            if (tag.Length == 0 && src is ".nan" or ".NaN" or ".NAN")
            {
                return (null, "floating point NaN is not supported");
            }

            if (hint == '.')
            {
                if (TryDecimal(src, out var f))
                {
                    return (HclValue.Number(f), null);
                }
            }
            else if (hint is 'D' or 'S')
            {
                if ((tag.Length == 0 || tag == TimestampTag) && TryTimestamp(src, out var ts))
                {
                    return (HclValue.String(ts), null);
                }

                var plain = src.Replace("_", "", StringComparison.Ordinal);
                if (TryDecimal(plain, out var n))
                {
                    return (HclValue.Number(n), null);
                }

                if (plain.StartsWith("0b", StringComparison.Ordinal) || plain.StartsWith("-0b", StringComparison.Ordinal))
                {
                    tag = IntTag;
                }
            }
        }

        if (tag.Length == 0 && src == "<<")
        {
            return (MergeKey, null);
        }

        switch (tag)
        {
            case StrTag:
                return (HclValue.String(src), null);
            case BinaryTag:
                return EncodingText.TryDecodeBase64(src, out _, out _)
                    ? (HclValue.String(src), null)
                    : (null, $"cannot parse {EncodingText.GoQuote(src)} as {tag}: not valid base64");
            case BoolTag:
                return ResolveWord(src) is { Type.IsBool: true } b ? (b, null) : (null, $"cannot parse {EncodingText.GoQuote(src)} as {tag}");
            case IntTag:
            case FloatTag:
            {
                var plain = src.Replace("_", "", StringComparison.Ordinal);
                if (TryDecimal(plain, out var n) || TryGoInteger(plain, out n))
                {
                    return (HclValue.Number(n), null);
                }

                return (null, $"cannot parse {EncodingText.GoQuote(src)} as {tag}");
            }

            case TimestampTag:
                return TryTimestamp(src, out var t) ? (HclValue.String(t), null) : (null, $"cannot parse {EncodingText.GoQuote(src)} as {tag}");
            case NullTag:
                return (HclValue.Null, null);
            default:
                return (HclValue.String(src), null);
        }
    }

    private static char Hint(char c) => c switch
    {
        '+' or '-' => 'S',
        >= '0' and <= '9' => 'D',
        'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
        '.' => '.',
        _ => '\0',
    };

    private static HclValue? ResolveWord(string s) => s switch
    {
        "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => HclValue.True,
        "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => HclValue.False,
        "" or "~" or "null" or "Null" or "NULL" => HclValue.Null,
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => HclValue.Number(HclNumber.PositiveInfinity),
        "-.inf" or "-.Inf" or "-.INF" => HclValue.Number(HclNumber.NegativeInfinity),
        _ => null,
    };

    /// <summary>cty's <c>ParseNumberVal</c>: decimal syntax only (Go's <c>big.ParseFloat</c> with base 10).</summary>
    private static bool TryDecimal(string s, out HclNumber n)
    {
        n = default;
        return (FloatPattern().IsMatch(s) || s is "Inf" or "+Inf" or "-Inf" or "inf" or "+inf" or "-inf") && HclNumber.TryParse(s, out n);
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c> / <c>ParseUint</c> prefixes: <c>0x</c>, <c>0o</c>, <c>0b</c>, leading-zero octal.</summary>
    private static bool TryGoInteger(string s, out HclNumber n)
    {
        n = default;
        bool neg = false;
        var body = s;
        if (body.StartsWith('-') || body.StartsWith('+'))
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        int radix = 10;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            body = body[2..];
        }
        else if (body.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            radix = 8;
            body = body[2..];
        }
        else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            radix = 2;
            body = body[2..];
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            radix = 8;
            body = body[1..];
        }

        if (body.Length == 0)
        {
            return false;
        }

        var value = System.Numerics.BigInteger.Zero;
        foreach (var c in body)
        {
            int d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                return false;
            }

            value = (value * radix) + d;
        }

        if (neg)
        {
            value = -value;
        }

        if (value > ulong.MaxValue || value < long.MinValue)
        {
            return false;
        }

        n = HclNumber.FromBigInteger(value);
        return true;
    }

    /// <summary>The YAML timestamp forms go-cty-yaml accepts, formatted as RFC 3339.</summary>
    private static bool TryTimestamp(string s, out string result)
    {
        result = "";
        var m = TimestampPattern().Match(s);
        if (!m.Success)
        {
            return false;
        }

        int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        int year = G(1), month = G(2), day = G(3);
        int hour = 0, minute = 0, second = 0;
        string zone = "Z";
        if (m.Groups[4].Success)
        {
            (hour, minute, second) = (G(4), G(5), G(6));
            var z = m.Groups[7].Value;
            if (z != "Z" && z is not ("+00:00" or "-00:00"))
            {
                zone = z;
            }
        }
        else if (m.Groups[8].Success)
        {
            (hour, minute, second) = (G(8), G(9), G(10));
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        result = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{zone}");
        return true;
    }

    // ------------------------------------------------------------------ encoding

    /// <summary>Encodes a wholly known value as libyaml would emit go-cty-yaml's events.</summary>
    public static bool TryEncode(HclValue value, out string yaml, out string? error)
    {
        var w = new Writer();
        error = w.WriteRoot(value);
        yaml = error is null ? w.ToString() : "";
        return error is null;
    }

    private sealed class Writer
    {
        private const int BestWidth = 80;
        private readonly StringBuilder _sb = new();
        private int _column;
        private bool _openEnded;

        public override string ToString() => _sb.ToString();

        private void Put(string s)
        {
            _sb.Append(s);
            int nl = s.LastIndexOf('\n');
            _column = nl >= 0 ? s.Length - nl - 1 : _column + s.Length;
        }

        private void NewLine()
        {
            _sb.Append('\n');
            _column = 0;
        }

        private void Indent(int indent)
        {
            if (_column > 0)
            {
                NewLine();
            }

            Put(new string(' ', indent));
        }

        public string? WriteRoot(HclValue v)
        {
            var err = WriteNode(v, -1, Context.Root);
            if (err is not null)
            {
                return err;
            }

            if (_column > 0)
            {
                NewLine();
            }

            if (_openEnded)
            {
                Put("...");
                NewLine();
            }

            return null;
        }

        private enum Context
        {
            Root,
            MappingValue,
            SequenceItem,
        }

        /// <summary>Writes a node; <paramref name="parentIndent"/> is the indentation of the enclosing collection (-1 at the root).</summary>
        private string? WriteNode(HclValue v, int parentIndent, Context ctx)
        {
            if (v.IsNull)
            {
                WritePlainScalar("null", ctx);
                return null;
            }

            if (!v.IsKnown)
            {
                return "cannot serialize unknown value as YAML";
            }

            var t = v.Type;
            if (t.IsString)
            {
                WriteString(v.AsString(), parentIndent < 0 ? 2 : parentIndent + 2, ctx);
                return null;
            }

            if (t.IsNumber)
            {
                var n = v.AsNumber();
                WritePlainScalar(n.IsPositiveInfinity ? "+.Inf" : n.IsNegativeInfinity ? "-.Inf" : n.ToString(), ctx);
                return null;
            }

            if (t.IsBool)
            {
                WritePlainScalar(v.AsBool() ? "true" : "false", ctx);
                return null;
            }

            if (t.IsSequence)
            {
                var items = v.Elements;
                if (items.Count == 0)
                {
                    WriteFlowEmpty("[]", ctx);
                    return null;
                }

                // A sequence in a mapping value is "indentless"; at the root it starts at column 0.
                int indent = ctx switch
                {
                    Context.Root => 0,
                    Context.MappingValue => parentIndent,
                    _ => parentIndent + 2,
                };
                bool first = true;
                foreach (var item in items)
                {
                    if (!(first && ctx == Context.SequenceItem))
                    {
                        Indent(indent);
                    }

                    first = false;
                    Put("- ");
                    var err = WriteNode(item, indent, Context.SequenceItem);
                    if (err is not null)
                    {
                        return err;
                    }
                }

                return null;
            }

            if (t.IsObject || t.IsMap)
            {
                var attrs = v.Attributes;
                if (attrs.Count == 0)
                {
                    WriteFlowEmpty("{}", ctx);
                    return null;
                }

                int indent = ctx == Context.Root ? 0 : parentIndent + 2;
                bool first = true;
                foreach (var (key, item) in attrs)
                {
                    if (!(first && ctx == Context.SequenceItem))
                    {
                        Indent(indent);
                    }

                    first = false;
                    WriteDoubleQuoted(key, indent, allowBreaks: false);
                    Put(":");
                    var err = WriteNode(item, indent, Context.MappingValue);
                    if (err is not null)
                    {
                        return err;
                    }
                }

                return null;
            }

            return $"can't marshal {t.FriendlyName} as YAML";
        }

        private void SeparateScalar(Context ctx)
        {
            if (ctx == Context.MappingValue)
            {
                Put(" ");
            }
        }

        private void WriteFlowEmpty(string text, Context ctx)
        {
            SeparateScalar(ctx);
            Put(text);
        }

        private void WritePlainScalar(string text, Context ctx)
        {
            SeparateScalar(ctx);
            Put(text);
            if (ctx == Context.Root)
            {
                _openEnded = true;
            }
        }

        private void WriteString(string s, int indent, Context ctx)
        {
            SeparateScalar(ctx);
            if (s.Contains('\n') && BlockAllowed(s))
            {
                WriteLiteral(s, indent, ctx);
                return;
            }

            WriteDoubleQuoted(s, indent, allowBreaks: true);
        }

        private static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

        private static bool IsPrintable(Rune r)
        {
            int c = r.Value;
            return c == 0x0A || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
        }

        private static bool BlockAllowed(string s)
        {
            if (s.EndsWith(' '))
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == ' ' && i + 1 < s.Length && IsBreak(s[i + 1]))
                {
                    return false;
                }
            }

            foreach (var r in s.EnumerateRunes())
            {
                if (!IsPrintable(r) && !IsBreak((char)r.Value))
                {
                    return false;
                }
            }

            return true;
        }

        private void WriteLiteral(string s, int indent, Context ctx)
        {
            Put("|");
            if (s.Length > 0 && (s[0] == ' ' || IsBreak(s[0])))
            {
                Put("2");
            }

            if (!IsBreak(s[^1]))
            {
                Put("-");
            }
            else if (s.Length == 1 || IsBreak(s[^2]))
            {
                Put("+");
                if (ctx == Context.Root)
                {
                    _openEnded = true;
                }
            }

            NewLine();
            bool breaks = true;
            foreach (var c in s)
            {
                if (IsBreak(c))
                {
                    NewLine();
                    breaks = true;
                    continue;
                }

                if (breaks)
                {
                    Put(new string(' ', indent));
                    breaks = false;
                }

                _sb.Append(c);
                _column++;
            }
        }

        private void WriteDoubleQuoted(string s, int indent, bool allowBreaks)
        {
            Put("\"");
            bool spaces = false;
            var runes = s.EnumerateRunes().ToArray();
            for (int i = 0; i < runes.Length; i++)
            {
                var r = runes[i];
                int c = r.Value;
                if (!IsPrintable(r) || c == 0xFEFF || IsBreak((char)Math.Min(c, 0xFFFF)) || c == '"' || c == '\\')
                {
                    Put(c switch
                    {
                        0 => "\\0",
                        7 => "\\a",
                        8 => "\\b",
                        9 => "\\t",
                        0xA => "\\n",
                        0xB => "\\v",
                        0xC => "\\f",
                        0xD => "\\r",
                        0x1B => "\\e",
                        '"' => "\\\"",
                        '\\' => "\\\\",
                        0x85 => "\\N",
                        0xA0 => "\\_",
                        0x2028 => "\\L",
                        0x2029 => "\\P",
                        <= 0xFF => "\\x" + c.ToString("X2", CultureInfo.InvariantCulture),
                        <= 0xFFFF => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture),
                        _ => "\\U" + c.ToString("X8", CultureInfo.InvariantCulture),
                    });
                    spaces = false;
                    continue;
                }

                if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i != 0 && i != runes.Length - 1)
                    {
                        NewLine();
                        Put(new string(' ', indent));
                        if (i + 1 < runes.Length && runes[i + 1].Value == ' ')
                        {
                            Put("\\");
                        }
                    }
                    else
                    {
                        Put(" ");
                    }

                    spaces = true;
                    continue;
                }

                _sb.Append(r.ToString());
                _column++;
                spaces = false;
            }

            Put("\"");
        }
    }
}
