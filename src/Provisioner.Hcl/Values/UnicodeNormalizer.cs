using System.Text;

namespace Provisioner.Hcl.Values;

/// <summary>
/// NFC normalisation of strings (cty normalises every string value). Pure-Latin-1 text is already NFC, which
/// covers almost every configuration string without work.
/// </summary>
internal static class UnicodeNormalizer
{
    public static string ToNfc(string s)
    {
        foreach (char c in s)
        {
            if (c >= '\u0300')
            {
                return Slow(s);
            }
        }

        return s;
    }

    private static string Slow(string s)
    {
        try
        {
            return s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (lone surrogates): keep as is.
            return s;
        }
    }
}
