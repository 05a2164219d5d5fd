using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Engine.Execution;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
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
}
