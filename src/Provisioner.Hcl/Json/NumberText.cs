using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Json;

/// <summary>
/// Formats an HCL number literal the way cty prints it (Go <c>big.Float.Text('f', -1)</c> at 512 bits): plain
/// decimal, no exponent, no redundant zeros (<c>1e3</c> → <c>1000</c>, <c>12.50</c> → <c>12.5</c>,
/// <c>1e-3</c> → <c>0.001</c>). Up to 150 significant digits the shortest round-trip form is the input's own
/// digits, so this is a pure text rewrite; longer inputs go through <see cref="HclNumber"/>.
/// </summary>
internal static class NumberText
{
    private const int ExactDigits = 150;
    private const long MaxZeros = 1_000_000;

    public static string Format(string literal, bool negate)
    {
        var s = literal.AsSpan();
        var sb = new StringBuilder(s.Length + 8);
        int i = 0;
        // Significant digits (mantissa without leading zeros) and the count of digits before the point.
        var digits = new StringBuilder(s.Length);
        long intDigits = 0;
        bool seenPoint = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.')
            {
                seenPoint = true;
                continue;
            }
            if (c is < '0' or > '9')
                break;
            if (digits.Length == 0 && c == '0')
            {
                if (seenPoint)
                    intDigits--;
                continue;
            }
            digits.Append(c);
            if (!seenPoint)
                intDigits++;
        }
        long exp = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            bool expNeg = false;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                expNeg = s[i++] == '-';
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (exp < MaxZeros * 10)
                    exp = exp * 10 + (s[i] - '0');
            }
            if (expNeg)
                exp = -exp;
        }
        int end = digits.Length;
        while (end > 0 && digits[end - 1] == '0')
            end--;
        digits.Length = end;
        if (negate)
            sb.Append('-');
        if (digits.Length == 0)
            return sb.Append('0').ToString();
        long point = intDigits + exp; // value = 0.DIGITS × 10^point
        if (digits.Length > ExactDigits || Math.Abs(point) > MaxZeros)
            return Slow(literal, negate);
        if (point <= 0)
        {
            sb.Append("0.").Append('0', (int)-point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            sb.Append(digits).Append('0', (int)(point - digits.Length));
        }
        else
        {
            sb.Append(digits.ToString(0, (int)point)).Append('.').Append(digits.ToString((int)point, digits.Length - (int)point));
        }
        return sb.ToString();
    }

    private static string Slow(string literal, bool negate)
    {
        if (!HclNumber.TryParse(literal, out var n))
            return negate ? "-" + literal : literal;
        var text = n.ToString();
        return negate ? "-" + text : text;
    }
}
