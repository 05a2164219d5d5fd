using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>
/// bcrypt (<c>$2a$</c>) as OpenBSD and Go's <c>golang.org/x/crypto/bcrypt</c> define it: EksBlowfish with the
/// password's trailing NUL in the key, 64 encryptions of "OrpheanBeholderScryDoubt", bcrypt's own base64.
/// </summary>
/// <remarks>Blowfish's initial P-array and S-boxes are the hexadecimal digits of π; they are computed once
/// (Machin's formula with <see cref="BigInteger"/>) instead of being pasted in as a table.</remarks>
internal static class CryptoBcrypt
{
    public const int MinCost = 4;
    public const int MaxCost = 31;
    public const int DefaultCost = 10;
    public const int MaxPasswordBytes = 72;

    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly byte[] MagicCipherData = Encoding.ASCII.GetBytes("OrpheanBeholderScryDoubt");
    private static readonly Lazy<uint[]> PiWords = new(ComputePiWords);

    /// <summary>Hashes with a fresh random salt.</summary>
    public static string Hash(byte[] password, int cost)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Hash(password, cost, salt);
    }

    /// <summary>Hashes with the given 16-byte salt (for test vectors).</summary>
    public static string Hash(byte[] password, int cost, byte[] salt)
    {
        if (salt.Length != 16)
        {
            throw new ArgumentException("bcrypt salt must be 16 bytes", nameof(salt));
        }

        if (cost < MinCost || cost > MaxCost)
        {
            throw new ArgumentOutOfRangeException(nameof(cost));
        }

        var key = new byte[password.Length + 1];
        password.CopyTo(key, 0);
        var state = new State();
        state.ExpandKey(key, salt);
        long rounds = 1L << cost;
        for (long i = 0; i < rounds; i++)
        {
            state.ExpandKey(key, null);
            state.ExpandKey(salt, null);
        }

        var data = new uint[6];
        for (int i = 0; i < 6; i++)
        {
            data[i] = BinaryPrimitives.ReadUInt32BigEndian(MagicCipherData.AsSpan(i * 4));
        }

        for (int n = 0; n < 64; n++)
        {
            for (int i = 0; i < 6; i += 2)
            {
                state.Encrypt(ref data[i], ref data[i + 1]);
            }
        }

        var bytes = new byte[24];
        for (int i = 0; i < 6; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), data[i]);
        }

        var sb = new StringBuilder(60);
        sb.Append("$2a$").Append(cost.ToString("00", CultureInfo.InvariantCulture)).Append('$');
        sb.Append(Encode(salt));
        sb.Append(Encode(bytes.AsSpan(0, 23)));
        return sb.ToString();
    }

    /// <summary>Decodes bcrypt's 22-character salt text into 16 bytes.</summary>
    public static byte[] DecodeSalt(string text)
    {
        var bits = new List<byte>();
        int acc = 0;
        int nbits = 0;
        foreach (var c in text)
        {
            int v = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                throw new FormatException("invalid bcrypt base64 character");
            }

            acc = (acc << 6) | v;
            nbits += 6;
            if (nbits >= 8)
            {
                nbits -= 8;
                bits.Add((byte)(acc >> nbits));
                acc &= (1 << nbits) - 1;
            }
        }

        return bits.Take(16).ToArray();
    }

    private static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder((data.Length * 4 / 3) + 2);
        int i = 0;
        while (i < data.Length)
        {
            int b0 = data[i];
            int b1 = i + 1 < data.Length ? data[i + 1] : 0;
            int b2 = i + 2 < data.Length ? data[i + 2] : 0;
            int remaining = data.Length - i;
            sb.Append(Alphabet[b0 >> 2]);
            sb.Append(Alphabet[((b0 & 3) << 4) | (b1 >> 4)]);
            if (remaining > 1)
            {
                sb.Append(Alphabet[((b1 & 15) << 2) | (b2 >> 6)]);
            }

            if (remaining > 2)
            {
                sb.Append(Alphabet[b2 & 63]);
            }

            i += 3;
        }

        return sb.ToString();
    }

    private static uint[] ComputePiWords()
    {
        const int words = 18 + (4 * 256);
        int bits = words * 32;
        int guard = 64;
        int scale = bits + guard;
        var one = BigInteger.One << scale;
        var pi = (16 * ArcTanInverse(5, one)) - (4 * ArcTanInverse(239, one));

        // pi = 3.xxx; drop the integer part and read the fraction's bits.
        var frac = pi - (3 * one);
        frac >>= guard;
        var result = new uint[words];
        var mask = (BigInteger.One << 32) - 1;
        for (int i = 0; i < words; i++)
        {
            int shift = bits - ((i + 1) * 32);
            result[i] = (uint)((frac >> shift) & mask);
        }

        return result;
    }

    private static BigInteger ArcTanInverse(int x, BigInteger one)
    {
        // arctan(1/x) = sum (-1)^k / ((2k+1) x^(2k+1))
        var x2 = (BigInteger)x * x;
        var power = one / x;
        var sum = power;
        int k = 1;
        while (!power.IsZero)
        {
            power /= x2;
            var term = power / ((2 * k) + 1);
            sum = (k & 1) == 1 ? sum - term : sum + term;
            k++;
        }

        return sum;
    }

    private sealed class State
    {
        private readonly uint[] _p = new uint[18];
        private readonly uint[] _s0 = new uint[256];
        private readonly uint[] _s1 = new uint[256];
        private readonly uint[] _s2 = new uint[256];
        private readonly uint[] _s3 = new uint[256];

        public State()
        {
            var pi = PiWords.Value;
            Array.Copy(pi, 0, _p, 0, 18);
            Array.Copy(pi, 18, _s0, 0, 256);
            Array.Copy(pi, 18 + 256, _s1, 0, 256);
            Array.Copy(pi, 18 + 512, _s2, 0, 256);
            Array.Copy(pi, 18 + 768, _s3, 0, 256);
        }

        private static uint NextWord(byte[] data, ref int pos)
        {
            uint w = 0;
            for (int i = 0; i < 4; i++)
            {
                if (pos >= data.Length)
                {
                    pos = 0;
                }

                w = (w << 8) | data[pos];
                pos++;
            }

            return w;
        }

        /// <summary>Blowfish key schedule, mixing in <paramref name="salt"/> when given (EksBlowfish's ExpandKey).</summary>
        public void ExpandKey(byte[] key, byte[]? salt)
        {
            int j = 0;
            for (int i = 0; i < 18; i++)
            {
                _p[i] ^= NextWord(key, ref j);
            }

            j = 0;
            uint l = 0;
            uint r = 0;
            for (int i = 0; i < 18; i += 2)
            {
                if (salt is not null)
                {
                    l ^= NextWord(salt, ref j);
                    r ^= NextWord(salt, ref j);
                }

                Encrypt(ref l, ref r);
                _p[i] = l;
                _p[i + 1] = r;
            }

            foreach (var box in new[] { _s0, _s1, _s2, _s3 })
            {
                for (int i = 0; i < 256; i += 2)
                {
                    if (salt is not null)
                    {
                        l ^= NextWord(salt, ref j);
                        r ^= NextWord(salt, ref j);
                    }

                    Encrypt(ref l, ref r);
                    box[i] = l;
                    box[i + 1] = r;
                }
            }
        }

        private uint F(uint x) => ((_s0[x >> 24] + _s1[(x >> 16) & 0xff]) ^ _s2[(x >> 8) & 0xff]) + _s3[x & 0xff];

        public void Encrypt(ref uint left, ref uint right)
        {
            uint xl = left ^ _p[0];
            uint xr = right;
            for (int i = 1; i <= 16; i += 2)
            {
                xr ^= F(xl) ^ _p[i];
                xl ^= F(xr) ^ _p[i + 1];
            }

            xr ^= _p[17];
            left = xr;
            right = xl;
        }
    }
}
