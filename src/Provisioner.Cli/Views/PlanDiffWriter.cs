using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Provisioner.Engine.Planning;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Cli.Views;

/// <summary>
/// Writes the attribute lines of one object's change the way Terraform's plan does: one line per attribute with the
/// action symbol (<c>+ ~ -</c>), names aligned on <c>=</c>, <c>old -> new</c>, nested maps, lists and objects
/// recursively, unchanged entries hidden behind <c># (N unchanged attributes hidden)</c>, and
/// <c># forces replacement</c> on the replace paths. Unknown values print as <c>(known after apply)</c>, sensitive
/// ones as <c>(sensitive value)</c>.
/// </summary>
/// <remarks>Nesting level <c>L</c> indents by 4×L spaces, then the symbol in three columns and a space.</remarks>
internal sealed partial class PlanDiffWriter(StringBuilder output, bool color, IReadOnlyCollection<AttributePath> replacePaths)
{
    private const string KnownAfterApply = "(known after apply)";
    private const string SensitiveValue = "(sensitive value)";

    /// <summary>Attributes shown for in-place updates even when unchanged, as Terraform does, so the object is recognisable.</summary>
    private static readonly HashSet<string> IdentifyingAttributes = new(StringComparer.Ordinal) { "id", "name", "tags" };

    private readonly HashSet<AttributePath> _replacePaths = [.. replacePaths];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Identifier();

    private static string Indent(int level) => new(' ', 4 * level);

    /// <summary>The body of a resource (or an output container): entries at <paramref name="level"/> comparing before and after.</summary>
    /// <param name="identifying">Show <c>id</c>, <c>name</c> and <c>tags</c> even when unchanged (top of an updated resource).</param>
    public void WriteBody(int level, HclValue before, HclValue after, bool identifying)
    {
        if (IsContainer(before) || IsContainer(after))
            WriteEntries(level, before, after, AttributePath.Root, showUnchanged: false, identifying);
    }

    /// <summary>Writes one <c>name = value</c> entry (the name empty for list elements, which end with a comma).</summary>
    /// <param name="insideDeleted">Part of a value deleted as a whole, so no <c>-> null</c> of its own.</param>
    public void WriteEntry(int level, string label, int width, HclValue before, HclValue after, AttributePath path, bool element, bool insideDeleted = false)
    {
        var action = ActionOf(before, after);
        output.Append(Indent(level)).Append(PlanColors.Symbol(action, color)).Append(' ');
        if (label.Length > 0)
            output.Append(label.PadRight(width)).Append(" = ");
        var forces = _replacePaths.Contains(path) ? " " + PlanColors.Paint("# forces replacement", PlanColors.Red, color) : "";
        var comma = element ? "," : "";
        var heredoc = action switch
        {
            ChangeAction.Create or ChangeAction.NoOp => IsMultiline(after),
            ChangeAction.Delete => IsMultiline(before),
            _ => IsText(before) && IsText(after) && (IsMultiline(before) || IsMultiline(after)),
        };
        if (heredoc)
        {
            var arrow = action == ChangeAction.Delete && !element && !insideDeleted ? " -> null" : "";
            WriteHeredoc(level, action, before, after, forces);
            output.Append(arrow).Append(comma).Append('\n');
            return;
        }
        switch (action)
        {
            case ChangeAction.Create:
                WriteSingle(level, after, ChangeAction.Create, path, forces);
                output.Append(comma).Append(Inline(after) is not null ? forces : "").Append('\n');
                break;
            case ChangeAction.Delete:
                WriteSingle(level, before, ChangeAction.Delete, path, forces);
                output.Append(element || insideDeleted ? "" : " -> null").Append(comma).Append(Inline(before) is not null ? forces : "").Append('\n');
                break;
            case ChangeAction.NoOp:
                WriteSingle(level, after, ChangeAction.NoOp, path, "");
                output.Append(comma).Append('\n');
                break;
            default:
                if (before.IsSensitive || after.IsSensitive)
                {
                    output.Append(SensitiveValue).Append(comma).Append(forces).Append('\n');
                }
                else if (IsBlock(before) && IsBlock(after) && SameShape(before, after))
                {
                    output.Append(before.Type.IsSequence ? '[' : '{').Append(forces).Append('\n');
                    WriteEntries(level + 1, before, after, path, showUnchanged: false, identifying: false);
                    output.Append(Indent(level + 1)).Append(before.Type.IsSequence ? ']' : '}').Append(comma).Append('\n');
                }
                else if (IsBlock(before))
                {
                    WriteSingle(level, before, ChangeAction.Delete, path, forces);
                    output.Append(" -> ").Append(Inline(after) ?? KnownAfterApply).Append(comma).Append('\n');
                }
                else
                {
                    output.Append(Inline(before)).Append(" -> ");
                    if (IsBlock(after))
                    {
                        WriteSingle(level, after, ChangeAction.Create, path, forces);
                        output.Append(comma).Append('\n');
                    }
                    else
                    {
                        output.Append(Inline(after)).Append(comma).Append(forces).Append('\n');
                    }
                }
                break;
        }
    }

    /// <summary>
    /// A multi-line string as Terraform shows it: <c>&lt;&lt;-EOT</c>, one line per text line (changed lines with
    /// <c>-</c>/<c>+</c> when both sides are text), then <c>EOT</c>.
    /// </summary>
    private void WriteHeredoc(int level, ChangeAction action, HclValue before, HclValue after, string forces)
    {
        output.Append("<<-EOT").Append(forces).Append('\n');
        var oldLines = IsText(before) && action != ChangeAction.Create ? Lines(before.AsString()) : [];
        var newLines = IsText(after) && action != ChangeAction.Delete ? Lines(after.AsString()) : [];
        if (action == ChangeAction.Delete)
            newLines = oldLines;
        else if (action != ChangeAction.Update)
            oldLines = newLines;
        foreach (var (kind, bi, ai) in Diff(oldLines, newLines))
        {
            var (symbol, text) = kind switch
            {
                '-' => (ChangeAction.Delete, oldLines[bi]),
                '+' => (ChangeAction.Create, newLines[ai]),
                _ => (ChangeAction.NoOp, newLines[ai]),
            };
            output.Append(Indent(level + 1)).Append(PlanColors.Symbol(symbol, color)).Append(' ').Append(text.AsString()).Append('\n');
        }
        output.Append(Indent(level + 1)).Append("EOT");
    }

    private static HclValue[] Lines(string text)
    {
        if (text.EndsWith('\n'))
            text = text[..^1];
        return [.. text.Split('\n').Select(HclValue.String)];
    }

    private static bool IsText(HclValue v) => !v.IsSensitive && v.IsKnownNotNull && v.Type.IsString;

    private static bool IsMultiline(HclValue v) => IsText(v) && v.AsString().Contains('\n', StringComparison.Ordinal);

    /// <summary>A whole value created, deleted or unchanged: inline, or a block of entries that all carry that action.</summary>
    private void WriteSingle(int level, HclValue value, ChangeAction action, AttributePath path, string forces)
    {
        if (Inline(value) is { } text)
        {
            output.Append(text);
            return;
        }
        var open = value.Type.IsSequence ? '[' : '{';
        output.Append(open).Append(forces).Append('\n');
        var nothing = NullLike(value);
        switch (action)
        {
            case ChangeAction.Create:
                WriteEntries(level + 1, nothing, value, path, showUnchanged: true, identifying: false);
                break;
            case ChangeAction.Delete:
                WriteEntries(level + 1, value, nothing, path, showUnchanged: true, identifying: false, insideDeleted: true);
                break;
            default:
                WriteEntries(level + 1, value, value, path, showUnchanged: true, identifying: false);
                break;
        }
        output.Append(Indent(level + 1)).Append(value.Type.IsSequence ? ']' : '}');
    }

    private void WriteEntries(int level, HclValue before, HclValue after, AttributePath path, bool showUnchanged, bool identifying, bool insideDeleted = false)
    {
        var shape = IsBlock(after) ? after : before;
        if (shape.Type.IsSequence)
            WriteElements(level, before, after, path, showUnchanged);
        else
            WriteAttributes(level, before, after, path, showUnchanged, identifying, insideDeleted);
    }

    private void WriteAttributes(int level, HclValue before, HclValue after, AttributePath path, bool showUnchanged, bool identifying, bool insideDeleted)
    {
        var isMap = (IsBlock(after) ? after : before).Type.IsMap;
        var b = IsBlock(before) ? before.Attributes : null;
        var a = IsBlock(after) ? after.Attributes : null;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (b is not null)
            keys.UnionWith(b.Keys);
        if (a is not null)
            keys.UnionWith(a.Keys);
        var shown = new List<(string Key, string Label, HclValue Before, HclValue After)>();
        var hidden = 0;
        var width = 0; // as Terraform: the longest name not null on both sides, hidden ones included
        foreach (var key in keys)
        {
            var bv = b is not null && b.TryGetValue(key, out var x) ? x : HclValue.Null;
            var av = a is not null && a.TryGetValue(key, out var y) ? y : HclValue.Null;
            var action = ActionOf(bv, av);
            if (bv.IsNull && av.IsNull && !isMap)
                continue;
            var label = isMap || !Identifier().IsMatch(key) ? Quote(key) : key;
            width = Math.Max(width, label.Length);
            if (action == ChangeAction.NoOp && !showUnchanged && !(identifying && IdentifyingAttributes.Contains(key)))
            {
                hidden++;
                continue;
            }
            shown.Add((key, label, bv, av));
        }
        foreach (var (key, label, bv, av) in shown)
            WriteEntry(level, label, width, bv, av, isMap ? path.ThenKey(key) : path.ThenAttr(key), element: false, insideDeleted);
        if (hidden > 0)
            WriteHidden(level, hidden, isMap ? "element" : "attribute");
    }

    private void WriteElements(int level, HclValue before, HclValue after, AttributePath path, bool showUnchanged)
    {
        var b = IsBlock(before) ? before.Elements : [];
        var a = IsBlock(after) ? after.Elements : [];
        var ops = Diff(b, a);
        var hidden = 0;
        for (var i = 0; i < ops.Count; i++)
        {
            var (kind, bi, ai) = ops[i];
            if (kind == '=' && !showUnchanged)
            {
                hidden++;
                continue;
            }
            if (hidden > 0)
            {
                WriteHidden(level, hidden, "element");
                hidden = 0;
            }
            switch (kind)
            {
                case '=':
                case '~':
                    WriteEntry(level, "", 0, b[bi], a[ai], path.ThenIndex(ai), element: true);
                    break;
                case '-':
                    WriteEntry(level, "", 0, b[bi], NullLike(b[bi]), path.ThenIndex(bi), element: true);
                    break;
                default:
                    WriteEntry(level, "", 0, NullLike(a[ai]), a[ai], path.ThenIndex(ai), element: true);
                    break;
            }
        }
        if (hidden > 0)
            WriteHidden(level, hidden, "element");
    }

    /// <summary>
    /// An edit script from a longest common subsequence: '=' kept, '-' removed, '+' added, '~' a removed object or
    /// map paired with an added one at the same place (shown as an in-place change of that element).
    /// </summary>
    private static List<(char Kind, int Before, int After)> Diff(IReadOnlyList<HclValue> b, IReadOnlyList<HclValue> a)
    {
        // Trim the common head and tail first; the table is only for the middle, and a huge middle is compared by position.
        var head = 0;
        while (head < b.Count && head < a.Count && b[head].RawEquals(a[head]))
            head++;
        var tail = 0;
        while (tail < b.Count - head && tail < a.Count - head && b[b.Count - 1 - tail].RawEquals(a[a.Count - 1 - tail]))
            tail++;
        var result = new List<(char, int, int)>();
        for (var i = 0; i < head; i++)
            result.Add(('=', i, i));
        var bMid = b.Skip(head).Take(b.Count - head - tail).ToList();
        var aMid = a.Skip(head).Take(a.Count - head - tail).ToList();
        foreach (var (kind, bi, ai) in (long)bMid.Count * aMid.Count > MaxTableCells ? DiffByPosition(bMid, aMid) : DiffMiddle(bMid, aMid))
            result.Add((kind, bi < 0 ? -1 : bi + head, ai < 0 ? -1 : ai + head));
        for (var i = 0; i < tail; i++)
            result.Add(('=', b.Count - tail + i, a.Count - tail + i));
        return result;
    }

    private const long MaxTableCells = 1_000_000;

    private static List<(char Kind, int Before, int After)> DiffByPosition(IReadOnlyList<HclValue> b, IReadOnlyList<HclValue> a)
    {
        var result = new List<(char, int, int)>();
        for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
        {
            if (i < b.Count && i < a.Count)
            {
                if (b[i].RawEquals(a[i]))
                {
                    result.Add(('=', i, i));
                }
                else if (IsStructured(b[i]) && IsStructured(a[i]))
                {
                    result.Add(('~', i, i));
                }
                else
                {
                    result.Add(('-', i, -1));
                    result.Add(('+', -1, i));
                }
            }
            else if (i < b.Count)
            {
                result.Add(('-', i, -1));
            }
            else
            {
                result.Add(('+', -1, i));
            }
        }
        return result;
    }

    private static List<(char Kind, int Before, int After)> DiffMiddle(IReadOnlyList<HclValue> b, IReadOnlyList<HclValue> a)
    {
        var lcs = new int[b.Count + 1, a.Count + 1];
        for (var i = b.Count - 1; i >= 0; i--)
        {
            for (var j = a.Count - 1; j >= 0; j--)
                lcs[i, j] = b[i].RawEquals(a[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        var raw = new List<(char, int, int)>();
        int x = 0, y = 0;
        while (x < b.Count || y < a.Count)
        {
            if (x < b.Count && y < a.Count && b[x].RawEquals(a[y]))
            {
                raw.Add(('=', x++, y++));
            }
            else if (y < a.Count && (x == b.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                raw.Add(('+', -1, y++));
            }
            else
            {
                raw.Add(('-', x++, -1));
            }
        }
        // Pair runs of removals and additions of structured elements (a changed object in a list).
        var result = new List<(char, int, int)>();
        for (var i = 0; i < raw.Count;)
        {
            if (raw[i].Item1 == '=')
            {
                result.Add(raw[i++]);
                continue;
            }
            var removed = new List<int>();
            var added = new List<int>();
            while (i < raw.Count && raw[i].Item1 != '=')
            {
                if (raw[i].Item1 == '-')
                    removed.Add(raw[i].Item2);
                else
                    added.Add(raw[i].Item3);
                i++;
            }
            var pairs = 0;
            while (pairs < removed.Count && pairs < added.Count && IsStructured(b[removed[pairs]]) && IsStructured(a[added[pairs]]))
                pairs++;
            for (var k = 0; k < pairs; k++)
                result.Add(('~', removed[k], added[k]));
            for (var k = pairs; k < removed.Count; k++)
                result.Add(('-', removed[k], -1));
            for (var k = pairs; k < added.Count; k++)
                result.Add(('+', -1, added[k]));
        }
        return result;
    }

    private void WriteHidden(int level, int count, string noun)
    {
        var text = $"# ({count.ToString(CultureInfo.InvariantCulture)} unchanged {noun}{(count == 1 ? "" : "s")} hidden)";
        output.Append(Indent(level)).Append("    ").Append(text).Append('\n');
    }

    /// <summary>What happened to one entry: null on one side is a create/delete, equal values a no-op.</summary>
    public static ChangeAction ActionOf(HclValue before, HclValue after)
    {
        var bNull = before.IsNull && before.IsKnown;
        var aNull = after.IsNull && after.IsKnown;
        if (bNull && aNull)
            return ChangeAction.NoOp;
        if (bNull)
            return ChangeAction.Create;
        if (aNull)
            return ChangeAction.Delete;
        return before.RawEquals(after) ? ChangeAction.NoOp : ChangeAction.Update;
    }

    /// <summary>The one-line form of a value, or null when it needs a block (a non-empty known collection or object).</summary>
    public static string? Inline(HclValue v)
    {
        if (v.IsSensitive)
            return SensitiveValue;
        if (!v.IsKnown)
            return KnownAfterApply;
        if (v.IsNull)
            return "null";
        if (v.Type.IsPrimitive)
            return v.ToString();
        if (v.ElementValues.Count == 0)
            return v.Type.IsSequence ? "[]" : "{}";
        return null;
    }

    /// <summary>HCL string literal quoting, as map keys are shown.</summary>
    public static string Quote(string s) => HclValue.String(s).ToString();

    private static bool IsBlock(HclValue v) => !v.IsSensitive && v.IsKnownNotNull && !v.Type.IsPrimitive && !v.Type.IsDynamic;

    private static bool IsContainer(HclValue v) => IsBlock(v) && !v.Type.IsSequence;

    private static bool IsStructured(HclValue v) => IsBlock(v) && v.ElementValues.Count > 0;

    private static bool SameShape(HclValue a, HclValue b) => a.Type.IsSequence == b.Type.IsSequence;

    private static HclValue NullLike(HclValue v) => HclValue.NullOf(v.Type);
}
