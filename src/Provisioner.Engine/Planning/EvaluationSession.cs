using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Engine.Execution;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;
using Provisioner.Sdk.Protocol;
using Provisioner.State;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The configuration evaluated against the recorded state without changing anything (no refresh, no plan of
/// changes): what <c>console</c> evaluates expressions in, and what <c>import</c> uses to find and configure the
/// provider of the resource being imported.
/// </summary>
public sealed class EvaluationSession
{
    private readonly PlanWalk _walk;

    private EvaluationSession(PlanWalk walk) => _walk = walk;

    /// <summary>The state the session was opened on (import records into it).</summary>
    public StateSnapshot State => _walk.Prior;

    public static async Task<(EvaluationSession? Session, DiagnosticList Diagnostics)> OpenAsync(PlanInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var walk = new PlanWalk(input with { Options = new PlanOptions(PlanMode.RefreshOnly, Refresh: false) }, ct);
        var plan = await walk.RunAsync().ConfigureAwait(false);
        return (plan is null ? null : new EvaluationSession(walk), walk.Diagnostics);
    }

    /// <summary>Evaluates an expression in the root module, as <c>console</c> does.</summary>
    public EvalResult Evaluate(string expression)
    {
        var parsed = HclSyntax.ParseExpression(expression, "<console-input>");
        if (parsed.HasErrors)
            return new EvalResult(Hcl.Values.HclValue.DynamicVal, parsed.Diagnostics);
        // As validation does for configuration files: an undeclared variable is named as such, not as a missing attribute.
        var undeclared = new DiagnosticList();
        var declared = _walk.In.Root.Config.Variables;
        foreach (var t in parsed.Root.Variables())
        {
            if (t.RootName == "var" && t.Steps.Count > 0 && t.Steps[0] is TraverseAttr a && !declared.ContainsKey(a.Name))
            {
                var hint = NameSuggestion.Find(a.Name, declared.Keys);
                undeclared.Error("Reference to undeclared input variable",
                    hint.Length > 0
                        ? $"An input variable with the name \"{a.Name}\" has not been declared. Did you mean \"{hint}\"?"
                        : $"An input variable with the name \"{a.Name}\" has not been declared. This variable can be declared with a variable \"{a.Name}\" {{}} block.",
                    t.Range);
            }
        }
        if (undeclared.HasErrors)
            return new EvalResult(Hcl.Values.HclValue.DynamicVal, undeclared);
        return HclEvaluator.Evaluate(parsed.Root, _walk.RootScope.Context);
    }

    /// <summary>
    /// Adopts an existing object: asks the provider that the resource's configuration uses to import it by id and
    /// records it in <see cref="State"/>. Refuses an address that is already managed or has no configuration.
    /// </summary>
    public async Task<DiagnosticList> ImportAsync(ResourceInstanceAddress address, string id, CancellationToken ct)
    {
        var diags = new DiagnosticList();
        var recorder = new StateRecorder(_walk.Prior);
        if (recorder.Find(address, null) is not null)
        {
            diags.Error("Resource already managed by Provisioner",
                $"Provisioner is already managing a remote object for {address}. To import to this address you must first remove the existing object from the state.");
            return diags;
        }
        var node = _walk.In.Root;
        foreach (var step in address.Resource.Module.Steps)
        {
            if (!node.Children.TryGetValue(step.Name, out var child))
            {
                diags.Error("Import to non-existent module", $"{address.Resource.Module} is not defined in the configuration.");
                return diags;
            }
            node = child;
        }
        var res = node.Config.FindResource(Config.ResourceMode.Managed, address.Resource.Type, address.Resource.Name);
        if (res is null || address.Resource.Mode != ResourceMode.Managed)
        {
            diags.Error("Configuration for import target does not exist",
                $"The configuration does not contain a resource block for {address.Resource}. Before importing this resource, add a configuration block for it.");
            return diags;
        }
        var provider = await _walk.GetProviderAsync(node, res).ConfigureAwait(false);
        if (provider is null || !provider.Schema.Resources.TryGetValue(res.Type, out var schema))
        {
            diags.AddRange(_walk.Diagnostics);
            diags.Error("Invalid resource type", $"No provider supports the resource type {res.Type}.", res.TypeRange);
            return diags;
        }
        var result = await provider.Provider.ImportAsync(new Sdk.Protocol.ImportRequest(res.Type, id), ct).ConfigureAwait(false);
        foreach (var d in result.Diagnostics)
            diags.Add(new Diagnostic(d.Severity, d.Summary, d.Detail));
        if (diags.HasErrors || result.State is null)
        {
            if (!diags.HasErrors)
                diags.Error("Cannot import non-existent remote object", $"The provider found no {res.Type} with id \"{id}\".");
            return diags;
        }
        var value = PlanWalk.Remark(result.State, schema.Block, null);
        recorder.Set(address, null, provider.StateName, ExecutorRun.EachOf(address), value, result.Private, InstanceStatus.Ready, _walk.Prior.Serial + 1, [], res.Lifecycle.CreateBeforeDestroy);
        recorder.Tidy();
        return diags;
    }

    /// <summary>
    /// Crash recovery: asks the provider configuration <paramref name="provider"/> (a state name such as <c>sim</c>)
    /// what became of an interrupted mutating call with <paramref name="token"/>. Completed gives the object as it
    /// is now (null when it no longer exists, e.g. after a delete), ready to record; NotApplied means the call never
    /// took effect. A provider error, or a provider or type the configuration does not have, is an error diagnostic.
    /// </summary>
    /// <param name="provider">The provider configuration's state name.</param>
    /// <param name="typeName">The resource type.</param>
    /// <param name="kind">What the call was.</param>
    /// <param name="token">The call's idempotency token.</param>
    /// <param name="priorJson">The object before the call (JSON for the type's implied type), null for none.</param>
    /// <param name="plannedJson">The planned object (JSON, unknown values as null), null for none.</param>
    /// <param name="ct">Cancels the provider call.</param>
    public async Task<(RecoverOutcome Outcome, InstanceState? Object, DiagnosticList Diagnostics)> RecoverCallAsync(
        string provider, string typeName, ChangeKind kind, string token, string? priorJson, string? plannedJson, CancellationToken ct)
    {
        var diags = new DiagnosticList();
        var handle = _walk.Providers.FirstOrDefault(p => p.StateName == provider);
        if (handle is null || !handle.Schema.Resources.TryGetValue(typeName, out var schema))
        {
            diags.Error("Cannot recover an interrupted operation",
                $"The configuration has no provider \"{provider}\" for resource type {typeName}, so Provisioner cannot ask what became of the operation with idempotency token {token}. Restore the provider configuration and run again.");
            return (RecoverOutcome.NotApplied, null, diags);
        }
        var type = schema.Block.ImpliedType();
        HclValue Decode(string? json)
        {
            if (json is null)
                return HclValue.NullOf(type);
            var r = HclJson.FromJson(json, type);
            return r.IsSuccess ? r.Value! : HclValue.NullOf(type);
        }
        var result = await handle.Provider.RecoverAsync(new RecoverRequest(typeName, kind, token, Decode(priorJson), Decode(plannedJson)), ct).ConfigureAwait(false);
        foreach (var d in result.Diagnostics)
            diags.Add(new Diagnostic(d.Severity, d.Summary, d.Detail));
        if (diags.HasErrors || result.Outcome == RecoverOutcome.NotApplied)
            return (RecoverOutcome.NotApplied, null, diags);
        if (result.State is not { } state || state.IsNull)
            return (RecoverOutcome.Completed, null, diags);
        if (!state.IsWhollyKnown)
        {
            diags.Error("Provider returned invalid result object after recovery",
                $"The provider still indicated an unknown value for the object of operation {token}. This is a bug in the provider.");
            return (RecoverOutcome.NotApplied, null, diags);
        }
        var instance = new InstanceState { Private = result.Private, Status = InstanceStatus.Ready };
        Evaluation.StateValues.Encode(PlanWalk.Remark(state, schema.Block, null), instance);
        return (RecoverOutcome.Completed, instance, diags);
    }
}
