namespace Provisioner.Hcl.Syntax;

/// <summary>One <c>%{ ... }</c> directive sequence in a template, with its strip markers.</summary>
/// <param name="StartOffset">Buffer offset of the <c>%{</c>.</param>
/// <param name="EndOffset">Buffer offset after the closing <c>}</c>.</param>
/// <param name="StripBefore">True for <c>%{~</c>: trailing whitespace of the preceding literal is removed.</param>
/// <param name="StripAfter">True for <c>~}</c>: leading whitespace of the following literal is removed.</param>
public sealed record TemplateDirectiveMarker(int StartOffset, int EndOffset, bool StripBefore, bool StripAfter);
