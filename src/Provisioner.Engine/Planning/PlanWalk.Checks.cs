using Provisioner.Config;
using Provisioner.Engine.Evaluation;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Protocol;

namespace Provisioner.Engine.Planning;

internal sealed partial class PlanWalk
{
    /// <summary>
    /// Evaluates every <c>check</c> block of every module instance: its scoped data sources are read, then each
    /// <c>assert</c>; a false condition is a warning (checks never block a plan or an apply). Conditions that are not
    /// known yet are skipped during planning and evaluated again after apply.
    /// </summary>
    public async Task<DiagnosticList> EvaluateChecksAsync()
    {
        var warnings = new DiagnosticList();
        foreach (var node in In.Root.Descendants())
        {
            if (node.Config.Checks.Count == 0)
                continue;
            foreach (var s in ScopesOf(node))
            {
                foreach (var cb in node.Config.Checks.Values)
                    await EvaluateCheckAsync(cb, s, warnings).ConfigureAwait(false);
            }
        }
        return warnings;
    }

    private async Task EvaluateCheckAsync(CheckBlock cb, ModuleScope s, DiagnosticList warnings)
    {
        var ctx = s.Context;
        if (cb.ScopedData.Count > 0)
        {
            var data = s.TryGetValue("data", out var d) && d.IsKnown && !d.IsNull ? d.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) : [];
            foreach (var res in cb.ScopedData)
            {
                var value = await ReadScopedDataAsync(res, s, warnings).ConfigureAwait(false);
                var byName = data.TryGetValue(res.Type, out var t) && t.IsKnown && !t.IsNull
                    ? t.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
                    : new Dictionary<string, HclValue>(StringComparer.Ordinal);
                byName[res.Name] = value;
                data[res.Type] = HclValue.Object(byName);
            }
            ctx = ctx.NewChild(new Dictionary<string, HclValue>(StringComparer.Ordinal) { ["data"] = HclValue.Object(data) });
        }
        foreach (var rule in cb.Asserts)
        {
            var r = rule.Condition.Evaluate(ctx);
            if (r.HasErrors)
            {
                foreach (var e in r.Diagnostics)
                    warnings.Add(e with { Severity = DiagnosticSeverity.Warning });
                continue;
            }
            var v = r.Value.UnmarkDeep().Value;
            if (!v.IsKnown || v.IsNull || !v.Type.IsBool || v.AsBool())
                continue;
            var msg = rule.ErrorMessage.Evaluate(ctx);
            var text = !msg.HasErrors && msg.Value.IsKnown && !msg.Value.IsNull && msg.Value.Type.IsString && !msg.Value.IsSensitive
                ? msg.Value.AsString()
                : "The condition evaluated to false.";
            var where = s.Path.IsRoot ? "" : s.Path + ".";
            warnings.Warning("Check block assertion failed", $"{text}\n\n(check \"{cb.Name}\" in {(where.Length == 0 ? "the root module" : where.TrimEnd('.'))})", rule.Condition.Range);
        }
    }

    private async Task<HclValue> ReadScopedDataAsync(Resource res, ModuleScope s, DiagnosticList warnings)
    {
        var provider = await GetProviderAsync(s.Node, res).ConfigureAwait(false);
        if (provider is null || !provider.Schema.DataSources.TryGetValue(res.Type, out var schema))
            return HclValue.DynamicVal;
        var diags = new DiagnosticList();
        var config = SchemaDecoder.Decode(schema.Block, res.Config, s.Context, diags);
        var plain = config.UnmarkDeep().Value;
        if (diags.HasErrors || !plain.IsWhollyKnown)
        {
            foreach (var e in diags)
                warnings.Add(e with { Severity = DiagnosticSeverity.Warning });
            return HclValue.UnknownOf(schema.Block.ImpliedType());
        }
        var r = await provider.Provider.ReadDataSourceAsync(new ReadDataRequest(res.Type, plain), Ct).ConfigureAwait(false);
        if (r.Diagnostics.Any(x => x.IsError))
        {
            foreach (var x in r.Diagnostics)
                warnings.Warning(x.Summary, x.Detail, res.DeclRange);
            return HclValue.UnknownOf(schema.Block.ImpliedType());
        }
        return Remark(r.State, schema.Block, config);
    }
}
