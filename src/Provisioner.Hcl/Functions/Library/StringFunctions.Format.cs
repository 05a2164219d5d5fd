using System.Numerics;
using System.Text;
using Provisioner.Hcl.Values;
using static Provisioner.Hcl.Functions.Library.CollectionSupport;

namespace Provisioner.Hcl.Functions.Library;

internal static partial class StringFunctions
{
    private sealed class FormatVerb
    {
        public string Raw = "";
        public int Offset;
        public int ArgNum;
        public char Mode;
        public bool Zero;
        public bool Sharp;
        public bool Plus;
        public bool Minus;
        public bool Space;
        public int Width = -1;
        public int Prec = -1;
    }

    private static IEnumerable<HclFunction> CreateFormatFunctions()
    {
        var str = HclType.String;
        yield return new HclFunction("format", [Param("format", str)], Param("args", HclType.Dynamic) with { AllowNull = true, AllowDynamicType = true },
            HclFunction.Returns(str), FormatImpl,
            "Constructs a string by formatting a number of other values according to a specification string.");

        yield return new HclFunction("formatlist", [Param("format", str)], Param("args", HclType.Dynamic) with { AllowNull = true, AllowUnknown = true },
            HclFunction.Returns(HclType.List(str)), FormatListImpl,
            "Constructs a list of strings by formatting a number of other values according to a specification string.");
    }

    private static FunctionResult FormatImpl(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var args = a.Skip(1).ToArray();
        foreach (var arg in args)
        {
            if (!arg.IsWhollyKnown)
            {
                // Collections and structures are printed as JSON, which needs every nested value.
                return HclValue.UnknownOf(HclType.String);
            }
        }

        return FormatCore(a[0].AsString(), args, out var text, out var error, out var errorArg)
            ? HclValue.String(text)
            : Fail(error, errorArg);
    }

    private static FunctionResult Fail(string error, int? errorArg) =>
        errorArg is int i ? ArgFail(i, "args", error) : FunctionResult.Fail(error);

    private static FunctionResult FormatListImpl(IReadOnlyList<HclValue> a, HclType returnType)
    {
        var fmt = a[0].AsString();
        var args = a.Skip(1).ToArray();
        if (args.Length == 0)
        {
            return FormatCore(fmt, args, out var single, out var err, out var errArg)
                ? HclValue.List(HclValue.String(single))
                : Fail(err, errArg);
        }

        int iterLen = -1;
        int lenChooser = -1;
        var iterables = new IReadOnlyList<HclValue>?[args.Length];
        bool anyUnknown = false;
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var t = arg.Type;
            if ((t.IsList || t.IsSet || t.IsTuple) && !arg.IsNull)
            {
                if (!t.IsTuple && !(arg.IsKnown && arg.Length().IsKnown))
                {
                    anyUnknown = true;
                    continue;
                }

                int thisLen = arg.LengthInt();
                if (iterLen == -1)
                {
                    iterLen = thisLen;
                    lenChooser = i;
                }
                else if (thisLen != iterLen)
                {
                    return ArgFail(i + 1, "args", $"argument {i + 1} has length {thisLen}, which is inconsistent with argument {lenChooser + 1} of length {iterLen}");
                }

                if (!arg.IsKnown)
                {
                    anyUnknown = true;
                    continue;
                }

                iterables[i] = arg.Elements;
            }
        }

        if (anyUnknown)
        {
            return HclValue.UnknownOf(returnType);
        }

        if (iterLen == 0)
        {
            return HclValue.ListOf(HclType.String);
        }

        if (iterLen == -1)
        {
            iterLen = 1;
        }

        var results = new List<HclValue>(iterLen);
        var fmtArgs = new HclValue[args.Length];
        for (int n = 0; n < iterLen; n++)
        {
            bool unknown = false;
            for (int i = 0; i < args.Length; i++)
            {
                fmtArgs[i] = iterables[i] is { } it ? it[n] : args[i];
                if (!fmtArgs[i].IsWhollyKnown)
                {
                    unknown = true;
                    break;
                }
            }

            if (unknown)
            {
                results.Add(HclValue.UnknownOf(HclType.String));
                continue;
            }

            if (!FormatCore(fmt, fmtArgs, out var text, out var error, out _))
            {
                return FunctionResult.Fail($"error on format iteration {n}: {error}");
            }

            results.Add(HclValue.String(text));
        }

        return HclValue.ListOf(HclType.String, results);
    }

    /// <summary>cty's format state machine. On error, <paramref name="errorArg"/> is set when one argument is to blame.</summary>
    private static bool FormatCore(string format, IReadOnlyList<HclValue> args, out string result, out string error, out int? errorArg)
    {
        var buf = new StringBuilder();
        result = "";
        error = "";
        errorArg = null;
        int nextArg = 1;
        int highest = 0;
        int i = 0;
        int n = format.Length;
        while (i < n)
        {
            char c = format[i];
            if (c != '%')
            {
                buf.Append(c);
                i++;
                continue;
            }

            if (i + 1 < n && format[i + 1] == '%')
            {
                buf.Append('%');
                i += 2;
                continue;
            }

            int ts = i;
            var verb = new FormatVerb { ArgNum = nextArg };
            i++;
            for (; i < n; i++)
            {
                switch (format[i])
                {
                    case '0': verb.Zero = true; continue;
                    case '#': verb.Sharp = true; continue;
                    case '-': verb.Minus = true; continue;
                    case '+': verb.Plus = true; continue;
                    case ' ': verb.Space = true; continue;
                }

                break;
            }

            if (i < n && format[i] == '[')
            {
                i++;
                if (i < n && format[i] >= '1' && format[i] <= '9')
                {
                    verb.ArgNum = 0;
                    while (i < n && char.IsAsciiDigit(format[i]))
                    {
                        verb.ArgNum = Math.Min((verb.ArgNum * 10) + (format[i] - '0'), 1_000_000);
                        i++;
                    }
                }

                if (i >= n)
                {
                    return Invalid(format, out error);
                }

                if (format[i] != ']')
                {
                    return Unrecognized(format, i, out error);
                }

                i++;
            }

            if (i < n && format[i] >= '1' && format[i] <= '9')
            {
                verb.Width = 0;
                while (i < n && char.IsAsciiDigit(format[i]))
                {
                    verb.Width = Math.Min((verb.Width * 10) + (format[i] - '0'), 1_000_000);
                    i++;
                }
            }
            else if (i < n && format[i] == '*')
            {
                // cty's grammar accepts "*" but never implemented taking the width from an argument.
                return Unrecognized(format, i, out error);
            }

            if (i < n && format[i] == '.')
            {
                i++;
                verb.Prec = 0;
                if (i < n && format[i] == '*')
                {
                    return Unrecognized(format, i, out error);
                }

                while (i < n && char.IsAsciiDigit(format[i]))
                {
                    verb.Prec = Math.Min((verb.Prec * 10) + (format[i] - '0'), 1_000_000);
                    i++;
                }
            }

            if (i >= n)
            {
                return Invalid(format, out error);
            }

            if (!char.IsAsciiLetter(format[i]))
            {
                return Unrecognized(format, i, out error);
            }

            verb.Mode = format[i];
            i++;
            verb.Raw = format[ts..i];
            verb.Offset = ByteOffset(format, ts);
            if (!FormatAppend(verb, buf, args, out error))
            {
                return false;
            }

            nextArg = verb.ArgNum + 1;
            highest = Math.Max(highest, verb.ArgNum);
        }

        if (highest < args.Count)
        {
            errorArg = highest + 1;
            error = highest == 0
                ? "too many arguments; no verbs in format string"
                : $"too many arguments; only {highest} used by format string";
            return false;
        }

        result = buf.ToString();
        return true;
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    private static bool Invalid(string format, out string error)
    {
        error = $"invalid format string starting at offset {ByteOffset(format, format.Length)}";
        return false;
    }

    private static bool Unrecognized(string format, int i, out string error)
    {
        Rune.DecodeFromUtf16(format.AsSpan(i), out var r, out _);
        var ch = r.Value == '\'' ? "\\'" : r.Value == '\\' ? "\\\\" : r.ToString();
        error = $"unrecognized format character '{ch}' at offset {ByteOffset(format, i)}";
        return false;
    }

    private static bool FormatAppend(FormatVerb verb, StringBuilder buf, IReadOnlyList<HclValue> args, out string error)
    {
        error = "";
        int argIdx = verb.ArgNum - 1;
        string raw = EncodingText.GoQuote(verb.Raw);
        if (argIdx >= args.Count)
        {
            error = $"not enough arguments for {raw} at {verb.Offset}: need index {verb.ArgNum} but have {args.Count} total";
            return false;
        }

        var arg = args[argIdx];
        if (verb.Mode != 'v' && arg.IsNull)
        {
            error = $"unsupported value for {raw} at {verb.Offset}: null value cannot be formatted";
            return false;
        }

        switch (verb.Mode)
        {
            case 'v':
                if (!verb.Sharp && !arg.IsNull)
                {
                    if (arg.Type.IsString)
                    {
                        buf.Append(PadWidth(verb, arg.AsString()));
                        return true;
                    }

                    if (arg.Type.IsNumber)
                    {
                        buf.Append(PadWidth(verb, StringNumberFormat.Text(arg.AsNumber(), 'g', -1)));
                        return true;
                    }
                }

                buf.Append(PadWidth(verb, StringJson.Encode(arg)));
                return true;
            case 't':
                {
                    var conv = HclConvert.Convert(arg, HclType.Bool);
                    if (!conv.IsSuccess)
                    {
                        error = $"unsupported value for {raw} at {verb.Offset}: {conv.Error!.Message}";
                        return false;
                    }

                    buf.Append(conv.Value!.AsBool() ? "true" : "false");
                    return true;
                }

            case 'b':
            case 'd':
            case 'o':
            case 'x':
            case 'X':
            case 'e':
            case 'E':
            case 'f':
            case 'g':
            case 'G':
                {
                    var conv = HclConvert.Convert(arg, HclType.Number);
                    if (!conv.IsSuccess)
                    {
                        error = $"unsupported value for {raw} at {verb.Offset}: {conv.Error!.Message}";
                        return false;
                    }

                    var num = conv.Value!.AsNumber();
                    if (verb.Mode is 'e' or 'E' or 'f' or 'g' or 'G')
                    {
                        buf.Append(StringNumberFormat.FormatFloat(num, verb.Mode, verb.Plus, verb.Space, verb.Minus, verb.Zero, verb.Width, verb.Prec));
                        return true;
                    }

                    if (!num.IsInteger || !num.TryToBigInteger(out BigInteger bi))
                    {
                        error = $"unsupported value for {raw} at {verb.Offset}: an integer is required";
                        return false;
                    }

                    buf.Append(StringNumberFormat.FormatInteger(bi, verb.Mode, verb.Plus, verb.Space, verb.Minus, verb.Zero, verb.Sharp, verb.Width, verb.Prec));
                    return true;
                }

            case 's':
            case 'q':
                {
                    var conv = HclConvert.Convert(arg, HclType.String);
                    if (!conv.IsSuccess)
                    {
                        error = $"unsupported value for {raw} at {verb.Offset}: {conv.Error!.Message}";
                        return false;
                    }

                    var s = conv.Value!.AsString();
                    if (verb.Prec > 0)
                    {
                        var g = Graphemes(s);
                        if (g.Count > verb.Prec)
                        {
                            s = string.Concat(g.Take(verb.Prec));
                        }
                    }

                    if (verb.Mode == 'q')
                    {
                        var sb = new StringBuilder();
                        StringJson.WriteString(sb, s);
                        s = sb.ToString();
                    }

                    buf.Append(PadWidth(verb, s));
                    return true;
                }

            default:
                error = $"unsupported format verb '{verb.Mode}' in {raw} at offset {verb.Offset}";
                return false;
        }
    }

    /// <summary>cty's padding for string-like output: width in grapheme clusters, <c>0</c> and <c>-</c> flags.</summary>
    private static string PadWidth(FormatVerb verb, string s)
    {
        if (verb.Width < 0)
        {
            return s;
        }

        int have = GraphemeCount(s);
        if (have >= verb.Width)
        {
            return s;
        }

        var pads = new string(verb.Zero ? '0' : ' ', verb.Width - have);
        return verb.Minus ? s + pads : pads + s;
    }
}
