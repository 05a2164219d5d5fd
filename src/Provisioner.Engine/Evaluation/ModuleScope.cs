using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Evaluation;

/// <summary>
/// The values of one module instance as expressions see them: <c>var</c>, <c>local</c>, <c>module</c>, <c>data</c>,
/// <c>path</c>, <c>provisioner</c>/<c>terraform</c> and one root per managed resource type. Root objects are built
/// lazily on first reference and cached until something under that root changes, so evaluating ten thousand
/// instances that all refer to <c>sim_network.main</c> builds its object once.
/// </summary>
/// <remarks>Not thread-safe: the planner evaluates on one thread, the executor under its evaluation lock.</remarks>
internal sealed class ModuleScope : IReadOnlyDictionary<string, HclValue>
{
    private readonly Dictionary<string, HclValue> _cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resourceTypes;

    public ModuleScope(ModuleInstance path, ModuleNode node, string rootDirectory, string workingDirectory, string workspace, FunctionTable functions)
    {
        Path = path;
        Node = node;
        RootDirectory = rootDirectory;
        WorkingDirectory = workingDirectory;
        Workspace = workspace;
        _resourceTypes = new HashSet<string>(node.Config.ManagedResources.Select(r => r.Type), StringComparer.Ordinal);
        Context = new EvalContext(this, functions);
    }

    public ModuleInstance Path { get; }

    public ModuleNode Node { get; }

    public string RootDirectory { get; }

    public string WorkingDirectory { get; }

    public string Workspace { get; }

    /// <summary>The context expressions of this module instance are evaluated in.</summary>
    public EvalContext Context { get; }

    /// <summary>The calling module instance (null for the root).</summary>
    public ModuleScope? Parent { get; init; }

    /// <summary>This instance's key in its call (<c>count</c> index or <c>for_each</c> key).</summary>
    public InstanceKey CallKey { get; init; }

    /// <summary>The call's <c>each.value</c> for this instance.</summary>
    public HclValue? CallEachValue { get; init; }

    public Dictionary<string, HclValue> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HclValue> Locals { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HclValue> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources by local address (<c>sim_machine.web</c>, <c>data.sim_image.base</c>).</summary>
    public Dictionary<string, RepeatedValues> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>Module calls by name; each instance's value is the child's outputs object.</summary>
    public Dictionary<string, RepeatedValues> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>A context with <c>count</c> or <c>each</c> defined (for one instance of a repeated block).</summary>
    public EvalContext ForInstance(InstanceKey key, HclValue? eachValue)
    {
        return key.Kind switch
        {
            InstanceKeyKind.Int => EvalContext.WithLocals(Context, null, HclValue.Null, "count",
                HclValue.Object(("index", HclValue.Number(key.Number)))),
            InstanceKeyKind.String => EvalContext.WithLocals(Context, null, HclValue.Null, "each",
                HclValue.Object(("key", HclValue.String(key.Text!)), ("value", eachValue ?? HclValue.String(key.Text!)))),
            _ => Context,
        };
    }

    public void SetVariable(string name, HclValue value)
    {
        Variables[name] = value;
        _cache.Remove("var");
    }

    public void SetLocal(string name, HclValue value)
    {
        Locals[name] = value;
        _cache.Remove("local");
    }

    public void SetOutput(string name, HclValue value) => Outputs[name] = value;

    public RepeatedValues Resource(string localAddress, ExpansionKind kind)
    {
        if (!Resources.TryGetValue(localAddress, out var r))
            Resources[localAddress] = r = new RepeatedValues(kind);
        else
            r.Kind = kind;
        return r;
    }

    /// <summary>Forgets cached root objects after a resource's instance values changed.</summary>
    public void ResourceChanged(string localAddress)
    {
        if (localAddress.StartsWith("data.", StringComparison.Ordinal))
            _cache.Remove("data");
        else
            _cache.Remove(localAddress[..localAddress.IndexOf('.', StringComparison.Ordinal)]);
    }

    public void CallsChanged() => _cache.Remove("module");

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HclValue value)
    {
        if (_cache.TryGetValue(key, out value))
            return true;
        HclValue? built = key switch
        {
            "var" => HclValue.Object(Variables),
            "local" => HclValue.Object(Locals),
            "module" => HclValue.Object(Calls.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, kv.Value.Value))),
            "data" => BuildData(),
            "path" => HclValue.Object(
                ("module", HclValue.String(Node.Config.Directory)),
                ("root", HclValue.String(RootDirectory)),
                ("cwd", HclValue.String(WorkingDirectory))),
            "provisioner" or "terraform" => HclValue.Object(("workspace", HclValue.String(Workspace))),
            _ when _resourceTypes.Contains(key) => BuildType(key),
            _ => null,
        };
        if (built is null)
        {
            value = null;
            return false;
        }
        _cache[key] = built;
        value = built;
        return true;
    }

    private HclValue BuildType(string type)
    {
        var prefix = type + ".";
        var items = new List<KeyValuePair<string, HclValue>>();
        foreach (var r in Node.Config.ManagedResources)
        {
            if (r.Type != type)
                continue;
            var v = Resources.TryGetValue(prefix + r.Name, out var rv) ? rv.Value : HclValue.DynamicVal;
            items.Add(new(r.Name, v));
        }
        return HclValue.Object(items);
    }

    private HclValue BuildData()
    {
        var byType = new SortedDictionary<string, List<KeyValuePair<string, HclValue>>>(StringComparer.Ordinal);
        foreach (var r in Node.Config.DataResources)
        {
            if (!byType.TryGetValue(r.Type, out var list))
                byType[r.Type] = list = [];
            var v = Resources.TryGetValue(r.Address, out var rv) ? rv.Value : HclValue.DynamicVal;
            list.Add(new(r.Name, v));
        }
        return HclValue.Object(byType.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, HclValue.Object(kv.Value))));
    }

    public HclValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys =>
        new[] { "var", "local", "module", "data", "path", "provisioner", "terraform" }.Concat(_resourceTypes);

    public IEnumerable<HclValue> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerator<KeyValuePair<string, HclValue>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, HclValue>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
