using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>
/// The scope an expression is evaluated in: variables by root name, the callable functions, and a parent chain
/// (HCL's <c>hcl.EvalContext</c>). Lookups walk from the innermost scope outwards; the first scope that defines
/// a name wins. Contexts are immutable once built, so they can be shared between threads and evaluations.
/// </summary>
/// <remarks>
/// A scope with <see cref="Variables"/> null does not define variables (HCL's nil map); when no scope in the
/// chain defines variables a reference reports "Variables not allowed". Likewise for <see cref="Functions"/>
/// and "Function calls not allowed". For-expression iterations use a cheap child scope with at most two
/// local names (<see cref="WithLocals"/>).
/// </remarks>
public sealed class EvalContext
{
    private readonly string? _local1Name;
    private readonly HclValue? _local1;
    private readonly string? _local2Name;
    private readonly HclValue? _local2;

    /// <summary>A root context.</summary>
    public EvalContext(IReadOnlyDictionary<string, HclValue>? variables = null, FunctionTable? functions = null)
    {
        Variables = variables;
        Functions = functions;
    }

    private EvalContext(EvalContext? parent, IReadOnlyDictionary<string, HclValue>? variables, FunctionTable? functions,
        string? local1Name, HclValue? local1, string? local2Name, HclValue? local2)
    {
        Parent = parent;
        Variables = variables;
        Functions = functions;
        _local1Name = local1Name;
        _local1 = local1;
        _local2Name = local2Name;
        _local2 = local2;
    }

    /// <summary>Variables defined by this scope (null: this scope defines none).</summary>
    public IReadOnlyDictionary<string, HclValue>? Variables { get; }

    /// <summary>Functions defined by this scope (null: look in the parent).</summary>
    public FunctionTable? Functions { get; }

    /// <summary>The enclosing scope, or null for a root.</summary>
    public EvalContext? Parent { get; }

    /// <summary>True when this scope defines variables (a dictionary or local names).</summary>
    public bool DefinesVariables => Variables is not null || _local1Name is not null;

    /// <summary>A child scope that defines nothing yet (HCL's <c>NewChild</c>).</summary>
    public EvalContext NewChild() => new(this, null, null, null, null, null, null);

    /// <summary>A child scope with its own variables and (optionally) functions.</summary>
    public EvalContext NewChild(IReadOnlyDictionary<string, HclValue>? variables, FunctionTable? functions = null) =>
        new(this, variables, functions, null, null, null, null);

    /// <summary>
    /// A child scope of <paramref name="parent"/> (which may be null) defining one or two local names, as for
    /// a for-expression iteration. <paramref name="keyName"/> may be null.
    /// </summary>
    public static EvalContext WithLocals(EvalContext? parent, string? keyName, HclValue key, string valueName, HclValue value) =>
        keyName is null
            ? new(parent, null, null, valueName, value, null, null)
            : new(parent, null, null, valueName, value, keyName, key);

    /// <summary>Looks a variable up through the scope chain.</summary>
    public bool TryGetVariable(string name, out HclValue value)
    {
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c._local1Name is not null)
            {
                if (string.Equals(c._local1Name, name, StringComparison.Ordinal))
                {
                    value = c._local1!;
                    return true;
                }

                if (c._local2Name is not null && string.Equals(c._local2Name, name, StringComparison.Ordinal))
                {
                    value = c._local2!;
                    return true;
                }
            }

            if (c.Variables is not null && c.Variables.TryGetValue(name, out var v))
            {
                value = v;
                return true;
            }
        }

        value = HclValue.DynamicVal;
        return false;
    }

    /// <summary>True when any scope in the chain defines variables.</summary>
    public bool AnyVariables()
    {
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c.DefinesVariables)
                return true;
        }

        return false;
    }

    /// <summary>Every variable name visible from this scope (for "Did you mean" suggestions).</summary>
    public IEnumerable<string> AllVariableNames()
    {
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c._local1Name is not null)
                yield return c._local1Name;
            if (c._local2Name is not null)
                yield return c._local2Name;
            if (c.Variables is not null)
            {
                foreach (var k in c.Variables.Keys)
                    yield return k;
            }
        }
    }

    /// <summary>
    /// Finds a function through the scope chain. <paramref name="anyTable"/> is false when no scope defines
    /// functions at all ("Function calls not allowed").
    /// </summary>
    public bool TryGetFunction(string name, out HclFunction function, out bool anyTable)
    {
        anyTable = false;
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c.Functions is null)
                continue;
            anyTable = true;
            if (c.Functions.TryGet(name, out function))
                return true;
        }

        function = null!;
        return false;
    }

    /// <summary>Every function name visible from this scope.</summary>
    public IEnumerable<string> AllFunctionNames()
    {
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c.Functions is not null)
            {
                foreach (var n in c.Functions.Names)
                    yield return n;
            }
        }
    }
}
