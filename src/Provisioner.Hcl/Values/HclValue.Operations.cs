namespace Provisioner.Hcl.Values;

public sealed partial class HclValue
{
    // cty's rules: marks of operands are unioned into the result; unknown or dynamic operands give unknown
    // results of the operation's type; nulls are rejected ("argument must not be null"); operands of the wrong
    // type are converted (unsafe) first and rejected with cty's conversion message when that fails.

    /// <summary>
    /// HCL <c>==</c> (cty <c>Equals</c>): defined on all types; different types are unequal; nulls equal only
    /// nulls; unknowns give an unknown bool. Marks of both operands (at any depth) mark the result.
    /// </summary>
    public HclValue Equal(HclValue other)
    {
        if (ContainsMarks() || other.ContainsMarks())
        {
            var (a, am) = UnmarkDeep();
            var (b, bm) = other.UnmarkDeep();
            return a.EqualCore(b).WithMarks(am.Union(bm));
        }

        return EqualCore(other);
    }

    /// <summary>HCL <c>!=</c>: the negation of <see cref="Equal"/>.</summary>
    public HclValue NotEqual(HclValue other)
    {
        var eq = Equal(other);
        return eq.IsKnown ? Bool(!eq._bool).WithMarks(eq.Marks) : eq;
    }

    private static readonly HclValue UnknownBool = new(HclType.Bool, State.Unknown, default);

    private HclValue EqualCore(HclValue other)
    {
        var unknownBool = UnknownBool;
        if (!IsKnown && !other.IsKnown)
        {
            return unknownBool;
        }

        if (IsKnown != other.IsKnown)
        {
            var known = IsKnown ? this : other;
            var unknown = IsKnown ? other : this;
            if (known.IsNull || unknown.Type.HasDynamicTypes)
            {
                return unknownBool;
            }

            return known.Type.Equals(unknown.Type) ? unknownBool : False;
        }

        if (IsNull || other.IsNull)
        {
            return Bool(IsNull && other.IsNull);
        }

        if (Type.HasDynamicTypes || other.Type.HasDynamicTypes)
        {
            if (!Type.Conforms(other.Type) && !other.Type.Conforms(Type))
            {
                return False;
            }

            return unknownBool;
        }

        if (!Type.Equals(other.Type))
        {
            return False;
        }

        switch (Type.Kind)
        {
            case HclTypeKind.String: return Bool(string.Equals(_string, other._string, StringComparison.Ordinal));
            case HclTypeKind.Number: return Bool(_number.Equals(other._number));
            case HclTypeKind.Bool: return Bool(_bool == other._bool);
            case HclTypeKind.List:
            case HclTypeKind.Tuple:
                if (_elements!.Length != other._elements!.Length)
                {
                    return False;
                }

                for (int i = 0; i < _elements.Length; i++)
                {
                    var eq = _elements[i].EqualCore(other._elements[i]);
                    if (!eq.IsKnown)
                    {
                        return unknownBool;
                    }

                    if (!eq._bool)
                    {
                        return False;
                    }
                }

                return True;
            case HclTypeKind.Set:
                if (!IsWhollyKnown || !other.IsWhollyKnown)
                {
                    return unknownBool;
                }

                if (_elements!.Length != other._elements!.Length)
                {
                    return False;
                }

                for (int i = 0; i < _elements.Length; i++)
                {
                    if (!_elements[i].RawEquals(other._elements[i]))
                    {
                        return False;
                    }
                }

                return True;
            case HclTypeKind.Map:
            case HclTypeKind.Object:
                if (_attributes!.Count != other._attributes!.Count)
                {
                    return False;
                }

                for (int i = 0; i < _attributes.Count; i++)
                {
                    if (!string.Equals(_attributes.KeyList[i], other._attributes.KeyList[i], StringComparison.Ordinal))
                    {
                        return False;
                    }
                }

                for (int i = 0; i < _attributes.Count; i++)
                {
                    var eq = _attributes.ValueList[i].EqualCore(other._attributes.ValueList[i]);
                    if (!eq.IsKnown)
                    {
                        return unknownBool;
                    }

                    if (!eq._bool)
                    {
                        return False;
                    }
                }

                return True;
            default:
                return unknownBool;
        }
    }

    // ------------------------------------------------------------------ numbers

    public HclResult Add(HclValue other) => NumberOp(other, HclNumber.TryAdd);

    public HclResult Subtract(HclValue other) => NumberOp(other, HclNumber.TrySubtract);

    public HclResult Multiply(HclValue other) => NumberOp(other, HclNumber.TryMultiply);

    /// <summary>Division; x/0 is ±Infinity as in cty, 0/0 fails.</summary>
    public HclResult Divide(HclValue other) => NumberOp(other, HclNumber.TryDivide);

    /// <summary>cty modulo (truncated; <c>x % 0</c> is x).</summary>
    public HclResult Modulo(HclValue other) => NumberOp(other, HclNumber.TryModulo);

    public HclResult Negate() => NumberUnary(n => n.Negate());

    public HclResult Absolute() => NumberUnary(n => n.Abs());

    public HclResult LessThan(HclValue other) => CompareOp(other, c => c < 0);

    public HclResult LessThanOrEqualTo(HclValue other) => CompareOp(other, c => c <= 0);

    public HclResult GreaterThan(HclValue other) => CompareOp(other, c => c > 0);

    public HclResult GreaterThanOrEqualTo(HclValue other) => CompareOp(other, c => c >= 0);

    private delegate bool NumberFn(HclNumber a, HclNumber b, out HclNumber result, out string? error);

    private HclResult NumberOp(HclValue other, NumberFn fn)
    {
        var a = Operand(this, HclType.Number, out var am);
        if (!a.IsSuccess)
        {
            return a;
        }

        var b = Operand(other, HclType.Number, out var bm);
        if (!b.IsSuccess)
        {
            return b;
        }

        var marks = am.Union(bm);
        if (!a.Value.IsKnown || !b.Value.IsKnown)
        {
            return UnknownOf(HclType.Number).WithMarks(marks);
        }

        return fn(a.Value._number, b.Value._number, out var r, out var err)
            ? Number(r).WithMarks(marks)
            : HclResult.Fail(err!);
    }

    private HclResult NumberUnary(Func<HclNumber, HclNumber> fn)
    {
        var a = Operand(this, HclType.Number, out var am);
        if (!a.IsSuccess)
        {
            return a;
        }

        return a.Value.IsKnown ? Number(fn(a.Value._number)).WithMarks(am) : UnknownOf(HclType.Number).WithMarks(am);
    }

    private HclResult CompareOp(HclValue other, Func<int, bool> pick)
    {
        var a = Operand(this, HclType.Number, out var am);
        if (!a.IsSuccess)
        {
            return a;
        }

        var b = Operand(other, HclType.Number, out var bm);
        if (!b.IsSuccess)
        {
            return b;
        }

        var marks = am.Union(bm);
        if (!a.Value.IsKnown || !b.Value.IsKnown)
        {
            return UnknownOf(HclType.Bool).WithMarks(marks);
        }

        return Bool(pick(a.Value._number.CompareTo(b.Value._number))).WithMarks(marks);
    }

    /// <summary>Unmarks and converts an operand; nulls and impossible conversions are errors.</summary>
    private static HclResult Operand(HclValue v, HclType want, out HclMarks marks)
    {
        (v, marks) = v.Unmark();
        if (!v.IsKnown)
        {
            return UnknownOf(want);
        }

        if (v.IsNull)
        {
            return HclResult.Fail("argument must not be null");
        }

        return v.Type.Equals(want) ? v : HclConvert.Convert(v, want);
    }

    // ------------------------------------------------------------------ logic

    /// <summary>Logical AND; <c>false &amp;&amp; unknown</c> is false, as in cty.</summary>
    public HclResult And(HclValue other) => LogicOp(other, isAnd: true);

    /// <summary>Logical OR; <c>true || unknown</c> is true, as in cty.</summary>
    public HclResult Or(HclValue other) => LogicOp(other, isAnd: false);

    public HclResult Not()
    {
        var a = Operand(this, HclType.Bool, out var am);
        if (!a.IsSuccess)
        {
            return a;
        }

        return a.Value.IsKnown ? Bool(!a.Value._bool).WithMarks(am) : UnknownOf(HclType.Bool).WithMarks(am);
    }

    private HclResult LogicOp(HclValue other, bool isAnd)
    {
        var a = Operand(this, HclType.Bool, out var am);
        if (!a.IsSuccess)
        {
            return a;
        }

        var b = Operand(other, HclType.Bool, out var bm);
        if (!b.IsSuccess)
        {
            return b;
        }

        var marks = am.Union(bm);
        var x = a.Value;
        var y = b.Value;
        if (!x.IsKnown || !y.IsKnown)
        {
            // The short-circuit value decides regardless of the unknown side.
            bool decisive = !isAnd;
            if ((x.IsKnown && x._bool == decisive) || (y.IsKnown && y._bool == decisive))
            {
                return Bool(decisive).WithMarks(marks);
            }

            return UnknownOf(HclType.Bool).WithMarks(marks);
        }

        return Bool(isAnd ? x._bool && y._bool : x._bool || y._bool).WithMarks(marks);
    }
}
