using Provisioner.Config;
using Provisioner.Engine.Events;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;
using Provisioner.State;

namespace Provisioner.Engine.Planning;

/// <summary>Everything the planner needs: configuration, prior state, variable values, options and providers.</summary>
/// <param name="Root">The loaded and validated configuration tree.</param>
/// <param name="PriorState">The recorded state (null: nothing recorded yet).</param>
/// <param name="Variables">Root module input values (already converted to their declared types).</param>
/// <param name="WorkingDirectory">The directory commands run in (<c>path.cwd</c>; provider relative paths).</param>
public sealed record PlanInput(
    ModuleNode Root,
    StateSnapshot? PriorState,
    IReadOnlyDictionary<string, HclValue> Variables,
    PlanOptions Options,
    ProviderRegistry Providers,
    string WorkingDirectory)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IEngineEvents Events { get; init; } = NullEngineEvents.Instance;

    public string Workspace { get; init; } = "default";

    /// <summary>Variables declared <c>sensitive</c> (their values are marked so plans never show them).</summary>
    public IReadOnlySet<string> SensitiveVariables { get; init; } = new HashSet<string>();
}
