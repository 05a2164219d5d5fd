using System.Diagnostics;
using Provisioner.Config;
using Provisioner.Engine.Evaluation;
using Provisioner.Engine.Events;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.Sdk.Protocol;
using Provisioner.State;

namespace Provisioner.Engine.Planning;

internal sealed partial class PlanWalk
{
    private readonly Dictionary<string, ProviderHandle> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<Dictionary<string, ReadResult>>> _refreshes = new(StringComparer.Ordinal);

    /// <summary>Every provider instance configured in this run.</summary>
    public IEnumerable<ProviderHandle> Providers => _providers.Values;

    /// <summary>
    /// The module that defines the provider configuration a resource in <paramref name="node"/> uses, following
    /// <c>providers = { }</c> maps of module calls and inheriting default configurations from parents.
    /// </summary>
    internal (ModuleNode Module, ProviderConfig? Config, string Name, string? Alias) ResolveProvider(ModuleNode node, string name, string? alias)
    {
        while (true)
        {
            var pc = node.Config.FindProvider(name, alias);
            if (pc is not null)
                return (node, pc, name, alias);
            if (node.Call is not null)
            {
                var passed = node.Call.Providers.FirstOrDefault(p => p.InChild.Name == name && p.InChild.Alias == alias);
                if (passed is not null)
                {
                    (name, alias) = (passed.InParent.Name, passed.InParent.Alias);
                    node = Graph.Parents[node];
                    continue;
                }
            }
            if (alias is null && Graph.Parents.TryGetValue(node, out var parent))
            {
                node = parent;
                continue;
            }
            return (node, null, name, alias);
        }
    }

    private static string ProviderKey(ModuleNode module, string name, string? alias) =>
        module.Address + "|" + name + (alias is null ? "" : "." + alias);

    private static string ProviderStateName(ModuleNode module, string name, string? alias) =>
        (module.IsRoot ? "" : module.Address + ".") + name + (alias is null ? "" : "." + alias);

    private ProviderHandle? CreateHandle(ModuleNode module, string name, string? alias, Hcl.Diagnostics.SourceRange? where)
    {
        var key = ProviderKey(module, name, alias);
        if (_providers.TryGetValue(key, out var h))
            return h;
        if (!In.Providers.TryGet(name, out var factory))
        {
            Diagnostics.Error("Unknown provider",
                $"There is no provider named \"{name}\". Built-in providers: {string.Join(", ", In.Providers.Names)}.", where);
            return null;
        }
        var p = factory.Create();
        h = new ProviderHandle(key, ProviderStateName(module, name, alias), p, p.GetSchema());
        _providers[key] = h;
        return h;
    }

    private async Task ConfigureProviderAsync(ModuleNode module, ProviderConfig pc, ModuleScope scope)
    {
        var h = CreateHandle(module, pc.Name, pc.Alias, pc.NameRange);
        if (h is null || h.Configured)
            return;
        var diags = new DiagnosticList();
        var config = SchemaDecoder.Decode(h.Schema.Provider, pc.Config, scope.Context, diags);
        await ConfigureAsync(h, config, diags, pc.Config, pc.DeclRange).ConfigureAwait(false);
    }

    private async Task ConfigureAsync(ProviderHandle h, HclValue config, DiagnosticList diags, Hcl.IHclBody? body, Hcl.Diagnostics.SourceRange? where)
    {
        h.Configured = true;
        if (!diags.HasErrors)
        {
            var plain = config.UnmarkDeep().Value;
            if (!plain.IsWhollyKnown)
            {
                diags.Error("Provider configuration depends on values not known until apply",
                    $"The configuration of provider \"{h.StateName}\" refers to values that are only known after apply. Provider configurations must be known during planning.", where);
            }
            else
            {
                AddProviderDiagnostics(diags, h.Provider.ValidateProviderConfig(plain), body, where);
                if (!diags.HasErrors)
                {
                    var r = await h.Provider.ConfigureAsync(new ConfigureRequest(plain, In.WorkingDirectory), Ct).ConfigureAwait(false);
                    AddProviderDiagnostics(diags, r, body, where);
                }
            }
        }
        Diagnostics.AddRange(diags);
        h.Failed = diags.HasErrors;
        if (!h.Failed)
            StartRefreshes(h);
    }

    /// <summary>The configured provider for a resource in <paramref name="node"/>, configuring an implied empty one on first use.</summary>
    internal async Task<ProviderHandle?> GetProviderAsync(ModuleNode node, Resource res)
    {
        var (module, pc, name, alias) = ResolveProvider(node, res.ProviderName, res.Provider?.Alias);
        var h = CreateHandle(module, name, alias, res.Provider?.Range ?? res.TypeRange);
        if (h is null)
            return null;
        if (!h.Configured)
        {
            if (pc is not null)
            {
                var scope = ScopesOf(module).FirstOrDefault();
                if (scope is null)
                    return null;
                await ConfigureProviderAsync(module, pc, scope).ConfigureAwait(false);
            }
            else
            {
                await ConfigureAsync(h, EmptyConfig(h), new DiagnosticList(), null, null).ConfigureAwait(false);
            }
        }
        return h.Failed ? null : h;
    }

    /// <summary>The provider that manages a recorded resource (by its state's provider name), for orphans.</summary>
    internal async Task<ProviderHandle?> GetProviderForStateAsync(string stateProvider)
    {
        var existing = _providers.Values.FirstOrDefault(p => p.StateName == stateProvider);
        if (existing is not null)
            return existing.Failed ? null : existing;
        // The defining module may be gone: fall back to the root's configuration of that provider.
        var local = stateProvider;
        var lastModule = local.LastIndexOf("module.", StringComparison.Ordinal);
        if (lastModule >= 0)
        {
            var afterModule = local.IndexOf('.', lastModule + 7);
            local = local[(afterModule + 1)..];
        }
        var dot = local.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? local : local[..dot];
        var alias = dot < 0 ? null : local[(dot + 1)..];
        var pc = In.Root.Config.FindProvider(name, alias) ?? In.Root.Config.FindProvider(name, null);
        var h = CreateHandle(In.Root, name, pc?.Alias, null);
        if (h is null)
            return null;
        if (!h.Configured)
        {
            if (pc is not null)
                await ConfigureProviderAsync(In.Root, pc, RootScope).ConfigureAwait(false);
            else
                await ConfigureAsync(h, EmptyConfig(h), new DiagnosticList(), null, null).ConfigureAwait(false);
        }
        return h.Failed ? null : h;
    }

    private static HclValue EmptyConfig(ProviderHandle h) =>
        HclValue.Object(h.Schema.Provider.ImpliedType().AttributeTypes.Select(kv => new KeyValuePair<string, HclValue>(kv.Key, HclValue.NullOf(kv.Value))));

    /// <summary>Turns provider diagnostics into configuration diagnostics, pointing at the attribute they name.</summary>
    internal static void AddProviderDiagnostics(DiagnosticList diags, IEnumerable<ProviderDiagnostic> found, Hcl.IHclBody? body, Hcl.Diagnostics.SourceRange? fallback)
    {
        foreach (var d in found)
        {
            var subject = fallback;
            if (body is not null && d.Path is { Steps.Count: > 0 } path && path.Steps[0].Kind == PathStepKind.Attribute)
            {
                var name = path.Steps[0].Name!;
                var partial = body.PartialContent(new Hcl.BodySchema([new Hcl.AttributeSchema(name)]));
                if (partial.Content.Attributes.TryGetValue(name, out var attr))
                    subject = attr.Expression.Range;
            }
            diags.Add(new Diagnostic(d.Severity, d.Summary, d.Detail, subject));
        }
    }

    /// <summary>Starts refreshing every recorded resource this provider manages, in batches, in the background.</summary>
    private void StartRefreshes(ProviderHandle h)
    {
        if (!In.Options.Refresh && In.Options.Mode != PlanMode.RefreshOnly)
            return;
        foreach (var r in Prior.Resources)
        {
            if (r.Mode != "managed" || r.Instances.Count == 0 || _refreshes.ContainsKey(r.Address))
                continue;
            if (r.Provider != h.StateName)
                continue;
            _refreshes[r.Address] = RefreshAsync(h, r);
        }
    }

    private async Task<Dictionary<string, ReadResult>> RefreshAsync(ProviderHandle h, ResourceState r)
    {
        await Task.Yield();
        var result = new Dictionary<string, ReadResult>(StringComparer.Ordinal);
        if (!h.Schema.Resources.TryGetValue(r.Type, out var schema))
            return result;
        var type = schema.Block.ImpliedType();
        var requests = new List<(string Key, ReadRequest Request)>();
        foreach (var inst in r.Instances)
        {
            var decoded = _decoded.DecodeAndKeep(inst, type);
            if (!decoded.IsSuccess)
                continue;
            requests.Add((InstanceStateKey(inst), new ReadRequest(r.Type, decoded.Value!.UnmarkDeep().Value, inst.Private)));
        }
        var started = Stopwatch.GetTimestamp();
        Events.Emit(new RefreshStarted(In.Time.GetUtcNow(), r.Address, requests.Count));
        var batch = Math.Max(1, h.Provider.Limits.MaxBatchRead);
        for (var i = 0; i < requests.Count; i += batch)
        {
            var chunk = requests.Skip(i).Take(batch).ToList();
            var answers = await h.Provider.ReadManyAsync(chunk.Select(c => c.Request).ToList(), Ct).ConfigureAwait(false);
            for (var j = 0; j < chunk.Count && j < answers.Count; j++)
                result[chunk[j].Key] = answers[j];
        }
        Events.Emit(new RefreshCompleted(In.Time.GetUtcNow(), r.Address, requests.Count, Stopwatch.GetElapsedTime(started)));
        return result;
    }

    /// <summary>The refreshed objects of a recorded resource (empty when not refreshing).</summary>
    internal async Task<Dictionary<string, ReadResult>?> RefreshedAsync(string resourceAddress)
    {
        if (!_refreshes.TryGetValue(resourceAddress, out var t))
            return null;
        return await t.ConfigureAwait(false);
    }

    /// <summary>Key of an instance within its resource for refresh results: its key string plus the deposed id.</summary>
    internal static string InstanceStateKey(InstanceState i) => i.KeyString + (i.Deposed is null ? "" : "/" + i.Deposed);
}
