using System.Globalization;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// Shared helpers for the numeric, string and collection functions: parameter construction, cty-style argument
/// errors and whole-number conversion (cty's <c>gocty.FromCtyValue</c> into a Go <c>int</c>).
/// </summary>
internal static class CollectionSupport
{
    /// <summary>cty's message when a number does not fit a Go <c>int</c> (64-bit).</summary>
    public const string WholeNumberMessage = "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

    public static FunctionParameter Param(string name, HclType type) => new(name, type);

    /// <summary>An error blamed on one argument (cty's <c>function.NewArgErrorf</c>), worded as HCL shows it.</summary>
    public static FunctionResult ArgFail(int index, string parameter, string message) =>
        FunctionResult.Fail(ArgMessage(parameter, message), index, FunctionErrorKind.InvalidArgument);

    /// <summary>The type-checking variant of <see cref="ArgFail"/>.</summary>
    public static FunctionTypeResult ArgTypeFail(int index, string parameter, string message) =>
        FunctionTypeResult.Fail(ArgMessage(parameter, message), index);

    public static string ArgMessage(string parameter, string message) =>
        $"Invalid value for \"{parameter}\" parameter: {message}.";

    /// <summary>Converts a known number to a whole <see cref="long"/>, as <c>gocty.FromCtyValue(v, &amp;int)</c>.</summary>
    public static bool TryWhole(HclValue value, out long result) => value.AsNumber().TryToLong(out result);

    /// <summary>Number of extended grapheme clusters (what Terraform calls characters).</summary>
    public static int GraphemeCount(string s) => s.Length == 0 ? 0 : new StringInfo(s).LengthInTextElements;

    /// <summary>The string split into extended grapheme clusters.</summary>
    public static List<string> Graphemes(string s)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }

        return list;
    }

    /// <summary>A list of the given element type (empty lists need the type explicitly).</summary>
    public static HclValue ListOrEmpty(HclType elementType, IReadOnlyCollection<HclValue> elements) =>
        HclValue.ListOf(elementType, elements);

    /// <summary>True for list, set and tuple types.</summary>
    public static bool IsSequence(HclType t) => t.IsList || t.IsSet || t.IsTuple;
}
