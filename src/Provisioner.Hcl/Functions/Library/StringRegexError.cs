namespace Provisioner.Hcl.Functions.Library;

/// <summary>A pattern rejected with Go's <c>regexp/syntax</c> error code and the offending expression.</summary>
internal sealed record StringRegexError(string Code, string Expr)
{
    /// <summary>Go's <c>syntax.Error.Error()</c> text, as <c>replace</c> reports it.</summary>
    public string GoMessage => $"error parsing regexp: {Code}: `{Expr}`";

    /// <summary>cty's wording for <c>regex</c> and <c>regexall</c>.</summary>
    public string PatternMessage => $"invalid regexp pattern: {Code} in {Expr}";
}
