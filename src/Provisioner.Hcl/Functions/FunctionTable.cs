using System.Collections.Frozen;

namespace Provisioner.Hcl.Functions;

/// <summary>
/// The functions an evaluation can call, by name. Built-in functions are also reachable as <c>core::NAME</c>;
/// namespaced names (<c>provider::aws::arn_parse</c>) are looked up as written.
/// </summary>
public sealed class FunctionTable
{
    private readonly FrozenDictionary<string, HclFunction> _functions;

    public FunctionTable(IEnumerable<HclFunction> functions)
    {
        var dict = new Dictionary<string, HclFunction>(StringComparer.Ordinal);
        foreach (var f in functions)
            dict[f.Name] = f;
        _functions = dict.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static FunctionTable Empty { get; } = new([]);

    public IEnumerable<string> Names => _functions.Keys;

    public int Count => _functions.Count;

    public bool TryGet(string name, out HclFunction function)
    {
        if (_functions.TryGetValue(name, out function!))
            return true;
        if (name.StartsWith("core::", StringComparison.Ordinal) && _functions.TryGetValue(name[6..], out function!))
            return true;
        return false;
    }

    /// <summary>A new table with <paramref name="more"/> added (replacing same-named functions).</summary>
    public FunctionTable With(IEnumerable<HclFunction> more) => new(_functions.Values.Concat(more));
}
