using System.Globalization;
using System.Numerics;
using System.Text;

namespace Provisioner.Hcl.Values;

/// <summary>
/// An HCL number: a binary floating point value with a 512-bit mantissa, round-half-to-even,
/// ±Infinity and no NaN. This mirrors Go's <c>big.Float</c> at precision 512, which is what cty
/// (and therefore Terraform) uses, so arithmetic and formatting match the reference bit for bit.
/// </summary>
/// <remarks>
/// The value is <c>mantissa × 2^exponent</c> with the mantissa odd (or zero), so the representation
/// is canonical and structural equality is numeric equality. Operations that can fail in cty
/// (opposing infinities, 0/0) have <c>Try…</c> forms that report a message instead of throwing.
/// </remarks>
public readonly struct HclNumber : IEquatable<HclNumber>, IComparable<HclNumber>
{
    /// <summary>Mantissa precision in bits of parsed numbers (cty: 512).</summary>
    public const int DefaultPrecision = 512;

    /// <summary>Precision of integers made from <see cref="long"/> (cty <c>NumberIntVal</c>: 64).</summary>
    public const int IntegerPrecision = 64;

    /// <summary>Precision of numbers made from <see cref="double"/> (cty <c>NumberFloatVal</c>: 53).</summary>
    public const int DoublePrecision = 53;

    // Extra bits carried by inexact operations so a sticky bit never touches the rounding position.
    private const int GuardBits = 3;

    private readonly BigInteger _mant; // odd or zero; |_mant| < 2^Precision
    private readonly int _exp;         // value = _mant * 2^_exp
    private readonly sbyte _inf;       // 0 finite, +1 / -1 infinity
    private readonly int _prec;        // Go big.Float precision; 0 means DefaultPrecision

    private HclNumber(BigInteger mant, int exp, sbyte inf, int prec)
    {
        _mant = mant;
        _exp = exp;
        _inf = inf;
        _prec = prec == DefaultPrecision ? 0 : prec;
    }

    /// <summary>
    /// The Go <c>big.Float</c> precision this number carries, as cty tracks it: 512 for parsed numbers, 64 for
    /// integers from <see cref="FromLong"/>, 53 for <see cref="FromDouble"/>. Results of arithmetic use the larger
    /// operand precision; formatting prints the shortest text that round-trips at this precision. Equality ignores it.
    /// </summary>
    public int Precision => _prec == 0 ? DefaultPrecision : _prec;

    /// <summary>This number relabelled with another precision, rounding if it has more significant bits.</summary>
    public HclNumber WithPrecision(int precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        if (_inf != 0 || _mant.IsZero)
        {
            return new HclNumber(_mant, _exp, _inf, precision);
        }

        return Round(_mant, _exp, false, precision);
    }

    /// <summary>Zero as cty's <c>cty.Zero</c> (an integer, precision 64). <c>default(HclNumber)</c> is also zero.</summary>
    public static HclNumber Zero { get; } = FromLong(0);

    public static HclNumber One { get; } = FromLong(1);
    public static HclNumber PositiveInfinity { get; } = new(BigInteger.Zero, 0, 1, DefaultPrecision);
    public static HclNumber NegativeInfinity { get; } = new(BigInteger.Zero, 0, -1, DefaultPrecision);

    public bool IsInfinity => _inf != 0;
    public bool IsPositiveInfinity => _inf > 0;
    public bool IsNegativeInfinity => _inf < 0;
    public bool IsZero => _inf == 0 && _mant.IsZero;

    /// <summary>-1, 0 or +1.</summary>
    public int Sign => _inf != 0 ? _inf : _mant.Sign;

    /// <summary>True for finite numbers with no fractional part.</summary>
    public bool IsInteger => _inf == 0 && _exp >= 0;

    // ------------------------------------------------------------------ construction

    /// <summary>An exact integer with precision 64, like cty's <c>NumberIntVal</c>.</summary>
    public static HclNumber FromLong(long value) => Normalize(value, 0, IntegerPrecision);

    public static HclNumber FromInt(int value) => FromLong(value);

    /// <summary>An exact integer with precision max(64, bit length), like Go's <c>Float.SetInt</c>.</summary>
    public static HclNumber FromBigInteger(BigInteger value) =>
        Normalize(value, 0, Math.Max(IntegerPrecision, (int)Math.Min(int.MaxValue, BigInteger.Abs(value).GetBitLength())));

    /// <summary>Exact conversion of a double with precision 53 (cty <c>NumberFloatVal</c>). NaN is rejected.</summary>
    public static HclNumber FromDouble(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("HCL numbers have no NaN.", nameof(value));
        }

        if (double.IsInfinity(value))
        {
            return new HclNumber(BigInteger.Zero, 0, (sbyte)(value > 0 ? 1 : -1), DoublePrecision);
        }

        if (value == 0)
        {
            return new HclNumber(BigInteger.Zero, 0, 0, DoublePrecision);
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int rawExp = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        int exp;
        if (rawExp == 0)
        {
            exp = -1074;
        }
        else
        {
            frac |= 1L << 52;
            exp = rawExp - 1075;
        }

        return Normalize(negative ? -frac : frac, exp, DoublePrecision);
    }

    public static implicit operator HclNumber(long value) => FromLong(value);

    public static implicit operator HclNumber(int value) => FromLong(value);

    // ------------------------------------------------------------------ parsing

    /// <summary>
    /// Parses decimal text like Go's <c>big.ParseFloat(s, 10, 512, ToNearestEven)</c>: optional sign,
    /// digits with an optional point, optional <c>e</c> exponent, or <c>Inf</c>/<c>+Inf</c>/<c>-Inf</c>.
    /// The result is correctly rounded.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HclNumber result)
    {
        // Fast path: plain integers (most configuration literals) are exact.
        if (text.Length is > 0 and <= 18 && IsPlainInteger(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
        {
            result = Normalize(small, 0, DefaultPrecision);
            return true;
        }

        result = default;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        var rest = text[i..];
        if (rest.Equals("Inf", StringComparison.Ordinal) || rest.Equals("inf", StringComparison.Ordinal))
        {
            result = negative ? NegativeInfinity : PositiveInfinity;
            return true;
        }

        var digits = new StringBuilder(Math.Min(text.Length, 64));
        int fracDigits = 0;
        bool seenPoint = false;
        bool anyDigit = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= '0' && c <= '9')
            {
                anyDigit = true;
                if (digits.Length > 0 || c != '0')
                {
                    digits.Append(c);
                }

                if (seenPoint)
                {
                    fracDigits++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        long exp10 = 0;
        bool binaryExp = false;
        if (i < text.Length)
        {
            // Go accepts a base-2 'p' exponent even for base 10 (big.ParseFloat("1p3", 10, …) is 8).
            binaryExp = text[i] is 'p' or 'P';
            if (text[i] != 'e' && text[i] != 'E' && !binaryExp)
            {
                return false;
            }

            i++;
            bool expNeg = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                expNeg = text[i] == '-';
                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                if (exp10 < 1_000_000_000_000L)
                {
                    exp10 = (exp10 * 10) + (c - '0');
                }
            }

            if (expNeg)
            {
                exp10 = -exp10;
            }
        }

        if (digits.Length == 0)
        {
            result = default;
            return true;
        }

        // Like Go, trailing zeros stay in the mantissa: the power of five applied is exactly -fraction digits
        // (plus a decimal exponent), which matters where Go's pow5 rounds.
        var mant = digits.Length <= 18
            ? new BigInteger(long.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture))
            : BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            mant = -mant;
        }

        if (binaryExp)
        {
            var n = FromDecimal(mant, -fracDigits);
            result = n.IsZero || n.IsInfinity ? n : Normalize(n._mant, n._exp + exp10, DefaultPrecision);
            return true;
        }

        result = FromDecimal(mant, exp10 - fracDigits);
        return true;
    }

    private static bool IsPlainInteger(ReadOnlySpan<char> text)
    {
        int i = text[0] is '+' or '-' ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses or returns null; see <see cref="TryParse(ReadOnlySpan{char}, out HclNumber)"/>.</summary>
    public static HclNumber? Parse(string text) => TryParse(text, out var n) ? n : null;

    /// <summary>The correctly rounded value of <paramref name="digits"/> × 10^<paramref name="exp10"/>.</summary>
    public static HclNumber FromDecimal(BigInteger digits, long exp10)
    {
        if (digits.IsZero)
        {
            return default;
        }

        int sign = digits.Sign;
        var mag = BigInteger.Abs(digits);
        long magDigits = (long)Math.Ceiling((double)mag.GetBitLength() * 0.30103) + 1;
        // Go's big.Float has a 32-bit binary exponent; far outside that range we saturate.
        if (exp10 + magDigits > 700_000_000L)
        {
            return sign > 0 ? PositiveInfinity : NegativeInfinity;
        }

        if (exp10 + magDigits < -700_000_000L)
        {
            return default;
        }

        // Go's scan: value = digits × 2^k × 5^k, where 5^|k| comes from big.Float.pow5 computed with 576-bit
        // (and 640-bit) intermediate rounding. That is exact for |k| ≤ 248; beyond, we reproduce Go's rounding.
        var (pm, pe) = GoPow5(Math.Abs(exp10));
        if (exp10 >= 0)
        {
            return Round(sign * mag * pm, exp10 + pe, false, DefaultPrecision);
        }

        long shift = Math.Max(0, DefaultPrecision + GuardBits + (long)pm.GetBitLength() - (long)mag.GetBitLength());
        var q = BigInteger.DivRem(mag << (int)shift, pm, out var rem);
        return Round(sign * q, exp10 - pe - shift, !rem.IsZero, DefaultPrecision);
    }

    /// <summary>5^n as Go's <c>Float.pow5</c> computes it for a 512-bit target: (mantissa, binary exponent).</summary>
    private static (BigInteger Mant, long Exp) GoPow5(long n)
    {
        const int M = 27; // 5^27 is the largest power of five in a uint64
        if (n <= M)
        {
            return (BigInteger.Pow(5, (int)n), 0);
        }

        var z = (Mant: BigInteger.Pow(5, M), Exp: 0L);
        var f = (Mant: new BigInteger(5), Exp: 0L);
        n -= M;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                z = RoundBits(z.Mant * f.Mant, z.Exp + f.Exp, DefaultPrecision + 64);
            }

            f = RoundBits(f.Mant * f.Mant, 2 * f.Exp, DefaultPrecision + 128);
            n >>= 1;
        }

        return z;
    }

    /// <summary>Rounds a positive exact mantissa to <paramref name="bits"/> bits, half to even.</summary>
    private static (BigInteger Mant, long Exp) RoundBits(BigInteger mag, long exp, int bits)
    {
        long len = (long)mag.GetBitLength();
        if (len <= bits)
        {
            return (mag, exp);
        }

        int shift = (int)(len - bits);
        var q = mag >> shift;
        var rem = mag - (q << shift);
        var half = BigInteger.One << (shift - 1);
        int cmp = rem.CompareTo(half);
        if (cmp > 0 || (cmp == 0 && !q.IsEven))
        {
            q += 1;
        }

        return (q, exp + shift);
    }

    // ------------------------------------------------------------------ rounding core

    private static HclNumber Normalize(BigInteger mant, long exp, int prec)
    {
        if (mant.IsZero)
        {
            return new HclNumber(BigInteger.Zero, 0, 0, prec);
        }

        long tz = (long)BigInteger.TrailingZeroCount(mant);
        if (tz > 0)
        {
            mant >>= (int)tz;
            exp += tz;
        }

        long top = exp + (long)BigInteger.Abs(mant).GetBitLength();
        if (top > int.MaxValue)
        {
            return new HclNumber(BigInteger.Zero, 0, (sbyte)mant.Sign, prec);
        }

        if (top < int.MinValue || exp < int.MinValue)
        {
            return new HclNumber(BigInteger.Zero, 0, 0, prec);
        }

        return new HclNumber(mant, (int)exp, 0, prec);
    }

    /// <summary>
    /// Rounds <c>(mant + ε) × 2^exp</c> to <paramref name="prec"/> bits, half to even. <paramref name="sticky"/>
    /// says the true magnitude is slightly larger than |mant| (0 &lt; ε &lt; 1); callers then guarantee
    /// |mant| has more than <paramref name="prec"/> + 1 bits.
    /// </summary>
    private static HclNumber Round(BigInteger mant, long exp, bool sticky, int prec)
    {
        if (mant.IsZero)
        {
            return new HclNumber(BigInteger.Zero, 0, 0, prec);
        }

        int sign = mant.Sign;
        var mag = sign < 0 ? -mant : mant;
        long bits = (long)mag.GetBitLength();
        if (bits > prec)
        {
            int shift = (int)(bits - prec);
            var q = mag >> shift;
            var rem = mag - (q << shift);
            var half = BigInteger.One << (shift - 1);
            int cmp = rem.CompareTo(half);
            bool up = cmp > 0 || (cmp == 0 && (sticky || !q.IsEven));
            if (up)
            {
                q += 1;
            }

            mag = q;
            exp += shift;
        }

        return Normalize(sign < 0 ? -mag : mag, exp, prec);
    }

    // ------------------------------------------------------------------ arithmetic

    public static HclNumber operator -(HclNumber a) => a.Negate();

    public static HclNumber operator +(HclNumber a, HclNumber b) => Expect(TryAdd(a, b, out var r, out var e), r, e);

    public static HclNumber operator -(HclNumber a, HclNumber b) => Expect(TrySubtract(a, b, out var r, out var e), r, e);

    public static HclNumber operator *(HclNumber a, HclNumber b) => Expect(TryMultiply(a, b, out var r, out var e), r, e);

    public static HclNumber operator /(HclNumber a, HclNumber b) => Expect(TryDivide(a, b, out var r, out var e), r, e);

    public static HclNumber operator %(HclNumber a, HclNumber b) => Expect(TryModulo(a, b, out var r, out var e), r, e);

    public static bool operator ==(HclNumber a, HclNumber b) => a.Equals(b);

    public static bool operator !=(HclNumber a, HclNumber b) => !a.Equals(b);

    public static bool operator <(HclNumber a, HclNumber b) => a.CompareTo(b) < 0;

    public static bool operator >(HclNumber a, HclNumber b) => a.CompareTo(b) > 0;

    public static bool operator <=(HclNumber a, HclNumber b) => a.CompareTo(b) <= 0;

    public static bool operator >=(HclNumber a, HclNumber b) => a.CompareTo(b) >= 0;

    private static HclNumber Expect(bool ok, HclNumber r, string? error) =>
        ok ? r : throw new ArithmeticException(error);

    public HclNumber Negate() => _inf != 0 ? new HclNumber(BigInteger.Zero, 0, (sbyte)-_inf, Precision) : new HclNumber(-_mant, _exp, 0, Precision);

    public HclNumber Abs() => Sign < 0 ? Negate() : this;

    /// <summary>
    /// a + b at the larger operand precision; fails only for opposing infinities (cty: "can't compute sum of
    /// opposing infinities").
    /// </summary>
    public static bool TryAdd(HclNumber a, HclNumber b, out HclNumber result, out string? error)
    {
        error = null;
        int prec = Math.Max(a.Precision, b.Precision);
        if (a._inf != 0 || b._inf != 0)
        {
            if (a._inf != 0 && b._inf != 0 && a._inf != b._inf)
            {
                result = default;
                error = "can't compute sum of opposing infinities";
                return false;
            }

            result = new HclNumber(BigInteger.Zero, 0, a._inf != 0 ? a._inf : b._inf, prec);
            return true;
        }

        result = AddFinite(a, b, prec);
        return true;
    }

    /// <summary>a - b at the larger operand precision; fails only for infinity minus the same infinity.</summary>
    public static bool TrySubtract(HclNumber a, HclNumber b, out HclNumber result, out string? error)
    {
        if (a._inf != 0 && a._inf == b._inf)
        {
            result = default;
            error = "can't subtract infinity from itself";
            return false;
        }

        return TryAdd(a, b.Negate(), out result, out error);
    }

    /// <summary>
    /// a × b as cty computes it: the product rounded to 512 bits, carrying the larger of the operand precisions
    /// and the bits the product needs.
    /// </summary>
    public static bool TryMultiply(HclNumber a, HclNumber b, out HclNumber result, out string? error)
    {
        error = null;
        int prec = Math.Max(a.Precision, b.Precision);
        if (a._inf != 0 || b._inf != 0)
        {
            if (a.IsZero || b.IsZero)
            {
                result = default;
                error = "can't multiply zero by infinity";
                return false;
            }

            result = new HclNumber(BigInteger.Zero, 0, (sbyte)(a.Sign * b.Sign), prec);
            return true;
        }

        if (a._mant.IsZero || b._mant.IsZero)
        {
            result = new HclNumber(BigInteger.Zero, 0, 0, prec);
            return true;
        }

        var r = Round(a._mant * b._mant, (long)a._exp + b._exp, false, DefaultPrecision);
        int minPrec = r._inf != 0 ? 0 : (int)BigInteger.Abs(r._mant).GetBitLength();
        result = new HclNumber(r._mant, r._exp, r._inf, Math.Max(prec, minPrec));
        return true;
    }

    /// <summary>
    /// a / b at the larger operand precision with big.Float semantics: x/0 is ±Infinity for x ≠ 0 (as in cty),
    /// while 0/0 and ∞/∞ fail with cty's message "can't divide zero by zero or infinity by infinity".
    /// </summary>
    public static bool TryDivide(HclNumber a, HclNumber b, out HclNumber result, out string? error) =>
        TryDivide(a, b, Math.Max(a.Precision, b.Precision), out result, out error);

    private static bool TryDivide(HclNumber a, HclNumber b, int prec, out HclNumber result, out string? error)
    {
        error = null;
        if ((a.IsZero && b.IsZero) || (a._inf != 0 && b._inf != 0))
        {
            result = default;
            error = "can't divide zero by zero or infinity by infinity";
            return false;
        }

        if (a._inf != 0 || b.IsZero)
        {
            int s = a.Sign * (b.IsZero ? 1 : b.Sign);
            result = new HclNumber(BigInteger.Zero, 0, (sbyte)(s >= 0 ? 1 : -1), prec);
            return true;
        }

        if (b._inf != 0 || a.IsZero)
        {
            result = new HclNumber(BigInteger.Zero, 0, 0, prec);
            return true;
        }

        int sign = a._mant.Sign * b._mant.Sign;
        var ma = BigInteger.Abs(a._mant);
        var mb = BigInteger.Abs(b._mant);
        long shift = Math.Max(0, prec + GuardBits + (long)mb.GetBitLength() - (long)ma.GetBitLength());
        var q = BigInteger.DivRem(ma << (int)shift, mb, out var rem);
        result = Round(sign * q, (long)a._exp - b._exp - shift, !rem.IsZero, prec);
        return true;
    }

    /// <summary>
    /// cty's modulo: <c>a - trunc(a/b)*b</c>, with the intermediate steps rounded to a's precision (so
    /// <c>11 % 5.1</c> keeps the binary artefact cty shows). <c>a % 0</c> is <c>a</c>; with an infinite operand
    /// the result is <c>a * b</c> (cty's shortcut).
    /// </summary>
    public static bool TryModulo(HclNumber a, HclNumber b, out HclNumber result, out string? error)
    {
        if (a._inf != 0 || b._inf != 0)
        {
            return TryMultiply(a, b, out result, out error);
        }

        error = null;
        if (b.IsZero)
        {
            result = a;
            return true;
        }

        int prec = a.Precision;
        TryDivide(a, b, out var rat, out _);
        var q = rat.Truncate();
        var work = q.IsZero ? q : Round(q._mant, q._exp, false, prec);
        work = work.IsZero || b.IsZero ? new HclNumber(BigInteger.Zero, 0, 0, prec) : Round(b._mant * work._mant, (long)b._exp + work._exp, false, prec);
        result = AddFinite(a, work.Negate(), prec);
        return true;
    }

    private static HclNumber AddFinite(HclNumber a, HclNumber b, int prec)
    {
        if (a._mant.IsZero)
        {
            return b._mant.IsZero ? new HclNumber(BigInteger.Zero, 0, 0, prec) : Round(b._mant, b._exp, false, prec);
        }

        if (b._mant.IsZero)
        {
            return Round(a._mant, a._exp, false, prec);
        }

        long pa = a._exp + (long)BigInteger.Abs(a._mant).GetBitLength();
        long pb = b._exp + (long)BigInteger.Abs(b._mant).GetBitLength();
        if (pa < pb)
        {
            (a, b) = (b, a);
            (pa, pb) = (pb, pa);
        }

        int far = Math.Max(prec, (int)BigInteger.Abs(a._mant).GetBitLength()) + 5;
        if (pb < pa - far)
        {
            // b is far below a's rounding position: represent it as a sticky half-unit.
            var ma = BigInteger.Abs(a._mant);
            int k = far - (int)ma.GetBitLength();
            var scaled = ma << (k + 1);
            long e = (long)a._exp - k - 1;
            bool sameSign = a._mant.Sign == b._mant.Sign;
            var mant = sameSign ? scaled : scaled - 1;
            return Round(a._mant.Sign * mant, e, true, prec);
        }

        long minExp = Math.Min(a._exp, b._exp);
        var sum = (a._mant << (int)(a._exp - minExp)) + (b._mant << (int)(b._exp - minExp));
        return Round(sum, minExp, false, prec);
    }

    // ------------------------------------------------------------------ rounding to integers

    /// <summary>Rounds toward zero (Go <c>Float.Int</c>). Infinities are returned unchanged.</summary>
    public HclNumber Truncate()
    {
        if (_inf != 0 || _exp >= 0)
        {
            return this;
        }

        int sign = _mant.Sign;
        var mag = BigInteger.Abs(_mant) >> -_exp;
        return Normalize(sign * mag, 0, Precision);
    }

    /// <summary>Largest integer ≤ this value. Infinities are returned unchanged.</summary>
    public HclNumber Floor()
    {
        if (_inf != 0 || _exp >= 0)
        {
            return this;
        }

        var t = Truncate();
        return Sign < 0 ? AddFinite(t, FromLong(-1), Precision) : t;
    }

    /// <summary>Smallest integer ≥ this value. Infinities are returned unchanged.</summary>
    public HclNumber Ceiling()
    {
        if (_inf != 0 || _exp >= 0)
        {
            return this;
        }

        var t = Truncate();
        return Sign > 0 ? AddFinite(t, FromLong(1), Precision) : t;
    }

    /// <summary>a^b through float64 (<c>math.Pow</c>), as cty's <c>pow</c> does. Fails when the result is NaN.</summary>
    public static bool TryPow(HclNumber a, HclNumber b, out HclNumber result, out string? error) =>
        FromDoubleChecked(Math.Pow(a.ToDouble(), b.ToDouble()), out result, out error);

    /// <summary>Logarithm of <paramref name="a"/> in <paramref name="logBase"/> through float64, as cty's <c>log</c> does.</summary>
    public static bool TryLog(HclNumber a, HclNumber logBase, out HclNumber result, out string? error) =>
        FromDoubleChecked(Math.Log(a.ToDouble()) / Math.Log(logBase.ToDouble()), out result, out error);

    private static bool FromDoubleChecked(double d, out HclNumber result, out string? error)
    {
        if (double.IsNaN(d))
        {
            result = default;
            error = "the result is not a number";
            return false;
        }

        result = FromDouble(d);
        error = null;
        return true;
    }

    // ------------------------------------------------------------------ conversions

    /// <summary>Nearest double (ties to even); overflow gives ±Infinity.</summary>
    public double ToDouble()
    {
        if (_inf != 0)
        {
            return _inf > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        if (_mant.IsZero)
        {
            return 0;
        }

        int sign = _mant.Sign;
        var mag = BigInteger.Abs(_mant);
        long bits = (long)mag.GetBitLength();
        long top = _exp + bits; // value in [2^(top-1), 2^top)
        if (top > 1024)
        {
            return sign * double.PositiveInfinity;
        }

        // Number of mantissa bits available: 53 for normals, fewer for subnormals.
        long keep = top - 1 >= -1022 ? 53 : 53 - (-1022 - (top - 1));
        if (keep <= 0)
        {
            // Below half the smallest subnormal (or exactly half → ties to even = 0).
            if (keep == 0 && !(mag == BigInteger.One << (int)(bits - 1)))
            {
                return sign * double.Epsilon;
            }

            return sign * 0.0;
        }

        long e = _exp;
        if (bits > keep)
        {
            int shift = (int)(bits - keep);
            var q = mag >> shift;
            var rem = mag - (q << shift);
            var half = BigInteger.One << (shift - 1);
            int cmp = rem.CompareTo(half);
            if (cmp > 0 || (cmp == 0 && !q.IsEven))
            {
                q += 1;
            }

            mag = q;
            e += shift;
        }

        double r = Math.ScaleB((double)mag, (int)Math.Clamp(e, -2000, 2000));
        return sign * r;
    }

    /// <summary>The integer value if this is an integer within <see cref="long"/> range.</summary>
    public bool TryToLong(out long value)
    {
        value = 0;
        if (!IsInteger)
        {
            return false;
        }

        if ((long)BigInteger.Abs(_mant).GetBitLength() + _exp > 64)
        {
            return false;
        }

        var v = _mant << _exp;
        if (v < long.MinValue || v > long.MaxValue)
        {
            return false;
        }

        value = (long)v;
        return true;
    }

    /// <summary>The integer value if this is an integer within <see cref="int"/> range.</summary>
    public bool TryToInt(out int value)
    {
        value = 0;
        if (TryToLong(out var l) && l >= int.MinValue && l <= int.MaxValue)
        {
            value = (int)l;
            return true;
        }

        return false;
    }

    /// <summary>The integer part (truncated toward zero), or false for infinities.</summary>
    public bool TryToBigInteger(out BigInteger value)
    {
        value = BigInteger.Zero;
        if (_inf != 0)
        {
            return false;
        }

        var t = Truncate();
        value = t._mant << t._exp;
        return true;
    }

    /// <summary>The exact value as mantissa × 2^exponent (mantissa odd or zero); false for infinities.</summary>
    public bool TryGetBinary(out BigInteger mantissa, out int exponent)
    {
        mantissa = _mant;
        exponent = _exp;
        return _inf == 0;
    }

    // ------------------------------------------------------------------ comparison

    public int CompareTo(HclNumber other)
    {
        if (_inf != 0 || other._inf != 0)
        {
            int x = _inf != 0 ? _inf * 2 : Math.Sign(_mant.Sign);
            int y = other._inf != 0 ? other._inf * 2 : Math.Sign(other._mant.Sign);
            return x.CompareTo(y);
        }

        int sa = _mant.Sign;
        int sb = other._mant.Sign;
        if (sa != sb)
        {
            return sa.CompareTo(sb);
        }

        if (sa == 0)
        {
            return 0;
        }

        long pa = _exp + (long)BigInteger.Abs(_mant).GetBitLength();
        long pb = other._exp + (long)BigInteger.Abs(other._mant).GetBitLength();
        if (pa != pb)
        {
            return sa > 0 ? pa.CompareTo(pb) : pb.CompareTo(pa);
        }

        int minExp = Math.Min(_exp, other._exp);
        var a = _mant << (_exp - minExp);
        var b = other._mant << (other._exp - minExp);
        return a.CompareTo(b);
    }

    public bool Equals(HclNumber other) => _inf == other._inf && _exp == other._exp && _mant.Equals(other._mant);

    public override bool Equals(object? obj) => obj is HclNumber n && Equals(n);

    public override int GetHashCode() => HashCode.Combine(_inf, _exp, _mant);

    public static HclNumber Min(HclNumber a, HclNumber b) => a.CompareTo(b) <= 0 ? a : b;

    public static HclNumber Max(HclNumber a, HclNumber b) => a.CompareTo(b) >= 0 ? a : b;

    // ------------------------------------------------------------------ formatting

    /// <summary>
    /// The shortest decimal that reads back as this number at 512 bits, without exponent (Go
    /// <c>Text('f', -1)</c>): <c>1</c>, <c>0.1</c>, <c>-2.5</c>, <c>+Inf</c>, <c>-Inf</c>.
    /// </summary>
    public override string ToString()
    {
        if (_inf != 0)
        {
            return _inf > 0 ? "+Inf" : "-Inf";
        }

        if (_mant.IsZero)
        {
            return "0";
        }

        if (IsInteger && (long)BigInteger.Abs(_mant).GetBitLength() + _exp <= Precision && TryToLong(out var small))
        {
            return small.ToString(CultureInfo.InvariantCulture);
        }

        bool negative = _mant.Sign < 0;
        var (digits, pointPos) = Shortest(BigInteger.Abs(_mant), _exp, Precision); // value = 0.digits × 10^pointPos
        var sb = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            sb.Append('-');
        }

        if (pointPos <= 0)
        {
            sb.Append("0.");
            sb.Append('0', (int)-pointPos);
            sb.Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits);
            sb.Append('0', (int)(pointPos - digits.Length));
        }
        else
        {
            sb.Append(digits, 0, (int)pointPos);
            sb.Append('.');
            sb.Append(digits, (int)pointPos, digits.Length - (int)pointPos);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Fixed-point text with exactly <paramref name="decimals"/> fraction digits, correctly rounded (half to even on
    /// the exact binary value), like Go's <c>Text('f', decimals)</c> used by <c>format("%.2f")</c>.
    /// </summary>
    public string ToFixed(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (_inf != 0)
        {
            return _inf > 0 ? "+Inf" : "-Inf";
        }

        var (digits, point) = _mant.IsZero ? ("", 0L) : ExactDecimal(BigInteger.Abs(_mant), _exp);
        (digits, point) = RoundAt(digits, point, point + decimals);
        var sb = new StringBuilder();
        if (_mant.Sign < 0)
        {
            sb.Append('-');
        }

        if (point <= 0)
        {
            sb.Append('0');
        }
        else
        {
            for (long i = 0; i < point; i++)
            {
                sb.Append(i < digits.Length ? digits[(int)i] : '0');
            }
        }

        if (decimals > 0)
        {
            sb.Append('.');
            for (long i = point; i < point + decimals; i++)
            {
                sb.Append(i >= 0 && i < digits.Length ? digits[(int)i] : '0');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Scientific text with <paramref name="decimals"/> digits after the point, like Go's <c>Text('e', decimals)</c>:
    /// <c>1.234560e+03</c>.
    /// </summary>
    public string ToExponential(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (_inf != 0)
        {
            return _inf > 0 ? "+Inf" : "-Inf";
        }

        string digits;
        long point;
        if (_mant.IsZero)
        {
            (digits, point) = ("0", 1);
        }
        else
        {
            (digits, point) = ExactDecimal(BigInteger.Abs(_mant), _exp);
            (digits, point) = RoundAt(digits, point, decimals + 1);
        }

        var sb = new StringBuilder();
        if (_mant.Sign < 0)
        {
            sb.Append('-');
        }

        sb.Append(digits.Length > 0 ? digits[0] : '0');
        if (decimals > 0)
        {
            sb.Append('.');
            for (int i = 1; i <= decimals; i++)
            {
                sb.Append(i < digits.Length ? digits[i] : '0');
            }
        }

        long e = _mant.IsZero ? 0 : point - 1;
        sb.Append('e').Append(e < 0 ? '-' : '+');
        var es = Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        if (es.Length < 2)
        {
            sb.Append('0');
        }

        sb.Append(es);
        return sb.ToString();
    }

    /// <summary>The exact decimal digits rounded to <paramref name="significant"/> digits (half to even), with the point position.</summary>
    internal (string Digits, long Point) RoundedDigits(int significant)
    {
        var (d, p) = ExactDecimal(BigInteger.Abs(_mant), _exp);
        return RoundAt(d, p, significant);
    }

    /// <summary>Rounds a digit string (value 0.digits × 10^point) to its first <paramref name="n"/> digits, half to even.</summary>
    private static (string Digits, long Point) RoundAt(string d, long point, long n)
    {
        if (n >= d.Length)
        {
            return (d, point);
        }

        if (n < 0)
        {
            return ("", point);
        }

        if (n == 0)
        {
            // Only a digit above one half rounds up to a new leading 1.
            bool up = d[0] > '5' || (d[0] == '5' && d.Length > 1);
            return up ? ("1", point + 1) : ("", point);
        }

        return RoundDigits(d, point, (int)n, ShouldRoundUp(d, (int)n));
    }

    /// <summary>Exact decimal digits of m × 2^e (no trailing zeros) and the decimal point position.</summary>
    private static (string Digits, long Point) ExactDecimal(BigInteger m, long e)
    {
        // m × 2^e = m × 5^-e / 10^-e for e < 0.
        BigInteger n;
        long scale; // value = n × 10^scale
        if (e >= 0)
        {
            n = m << (int)e;
            scale = 0;
        }
        else
        {
            n = m * BigInteger.Pow(5, (int)-e);
            scale = e;
        }

        string s = n.ToString(CultureInfo.InvariantCulture);
        int end = s.Length;
        while (end > 1 && s[end - 1] == '0')
        {
            end--;
        }

        return (s[..end], s.Length + scale);
    }

    /// <summary>Go's <c>roundShortest</c> for a 512-bit float: shortest digits within the half-ulp interval.</summary>
    private static (string Digits, long Point) Shortest(BigInteger mag, long exp, int prec)
    {
        var (d, dPoint) = ExactDecimal(mag, exp);

        // Two different decimals of at most n significant digits differ by more than 10^-n relative, while the
        // rounding interval is at most 2^-prec relative wide. So an exact expansion with n < prec·log10(2) digits
        // (154 at 512 bits) is the only candidate of its length in the interval and is what Go returns too.
        if (d.Length < prec * 0.30102999566398120)
        {
            return (d, dPoint);
        }

        // Mantissa with Precision + 1 bits: its lsb is half an ulp.
        long bits = (long)mag.GetBitLength();
        long s = bits - (prec + 1);
        var m2 = s < 0 ? mag << (int)-s : mag >> (int)s; // mag has ≤ 512 bits so s < 0 always
        long e2 = exp + s;
        bool inclusive = (m2 & 2).IsZero;
        var (lo, loPoint) = ExactDecimal(m2 - 1, e2);
        var (up, upPoint) = ExactDecimal(m2 + 1, e2);

        // Like Go, the bounds' digits are compared index by index (not aligned by decimal point).
        _ = loPoint;
        _ = upPoint;
        char LowerAt(int i) => i < lo.Length ? lo[i] : '0';
        char UpperAt(int i) => i < up.Length ? up[i] : '0';
        int loLen = lo.Length;
        int upLen = up.Length;

        for (int i = 0; i < d.Length; i++)
        {
            char l = LowerAt(i);
            char m = d[i];
            char u = UpperAt(i);
            bool okDown = l != m || (inclusive && i + 1 == loLen);
            bool okUp = m != u && (inclusive || m + 1 < u || i + 1 < upLen);
            if (okDown && okUp)
            {
                return RoundDigits(d, dPoint, i + 1, ShouldRoundUp(d, i + 1));
            }

            if (okDown)
            {
                return RoundDigits(d, dPoint, i + 1, false);
            }

            if (okUp)
            {
                return RoundDigits(d, dPoint, i + 1, true);
            }
        }

        return (d, dPoint);
    }

    private static bool ShouldRoundUp(string d, int n)
    {
        if (n >= d.Length)
        {
            return false;
        }

        if (d[n] == '5' && n + 1 == d.Length)
        {
            return n > 0 && ((d[n - 1] - '0') & 1) != 0;
        }

        return d[n] >= '5';
    }

    private static (string Digits, long Point) RoundDigits(string d, long point, int n, bool up)
    {
        if (n >= d.Length)
        {
            return (d, point);
        }

        var chars = d.ToCharArray(0, n);
        if (up)
        {
            int i = n - 1;
            while (i >= 0 && chars[i] == '9')
            {
                i--;
            }

            if (i < 0)
            {
                return ("1", point + 1);
            }

            chars[i]++;
            n = i + 1;
        }

        int end = n;
        while (end > 1 && chars[end - 1] == '0')
        {
            end--;
        }

        return (new string(chars, 0, end), point);
    }
}
