using Provisioner.Hcl.Values;
using Provisioner.Sdk.Changes;
using Provisioner.Sdk.Protocol;
using Provisioner.Sdk.Schema;
using Xunit;

namespace Provisioner.Sdk.TestKit;

/// <summary>
/// The conformance suite every provider runs: subclass it in the provider's test project, supplying a factory, a
/// provider configuration and sample resource configurations. It drives the provider at the SDK level, the way the
/// engine does (validate, <see cref="ObjectChange.ProposedNew"/>, plan, apply with a token, read), and checks:
/// plan then apply then refresh gives an empty plan; updates plan and apply in place; destroy leaves nothing; the
/// same idempotency token never creates a second object; recovery and import answer consistently.
/// </summary>
/// <remarks>xunit creates a new instance per test, so <see cref="ProviderConfig"/> may point at fresh resources.</remarks>
public abstract class ProviderConformanceTests
{
    /// <summary>The factory of the provider under test.</summary>
    protected abstract IProviderFactory Factory { get; }

    /// <summary>The provider block's value (conforming to the provider schema's implied type, or a partial object
    /// whose missing attributes are null).</summary>
    protected abstract HclValue ProviderConfig { get; }

    /// <summary>The resource types to exercise, each with a create and an update configuration.</summary>
    protected abstract IEnumerable<ConformanceCase> Cases { get; }

    /// <summary>Where relative paths in the configuration resolve.</summary>
    protected virtual string WorkingDirectory => Directory.GetCurrentDirectory();

    /// <summary>How many objects of <paramref name="typeName"/> exist on the provider's side, counted independently of
    /// the provider's answers (null when the provider's world cannot be inspected: those checks are skipped).</summary>
    protected virtual Task<int?> CountRemoteObjectsAsync(string typeName, CancellationToken ct) => Task.FromResult<int?>(null);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public void Schema_ResourcesHaveComputedIdAndConsistentFlags()
    {
        var schema = Factory.Create().GetSchema();
        Assert.NotEmpty(schema.Resources);
        foreach (var (type, r) in schema.Resources)
        {
            Assert.Equal(type, r.TypeName);
            Assert.True(r.Block.Attributes.TryGetValue("id", out var id) && id.Computed, $"{type} must have a computed id attribute");
            foreach (var (name, a) in r.Block.Attributes)
            {
                Assert.False(a.Required && (a.Optional || a.Computed), $"{type}.{name}: Required excludes Optional and Computed");
                Assert.True(a.Required || a.Optional || a.Computed, $"{type}.{name}: one of Required, Optional, Computed must be set");
                Assert.False(a.Default is not null && (a.Required || !a.Optional), $"{type}.{name}: only optional attributes have defaults");
            }
        }
        foreach (var c in Cases)
            Assert.True(schema.Resources.ContainsKey(c.TypeName), $"case {c.TypeName} is not in the schema");
    }

    [Fact]
    public async Task CreateApplyRefresh_ReplanIsEmpty()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases)
        {
            var config = ConfigOf(provider, c.TypeName, c.Create);
            var state = await CreateAsync(provider, c.TypeName, config);

            var read = await ReadAsync(provider, c.TypeName, state);
            ValueAssert.Same(state, read, $"{c.TypeName}: a refresh right after apply must return the applied object");

            var replan = await PlanAsync(provider, c.TypeName, read, config);
            Assert.Empty(replan.RequiresReplace);
            ValueAssert.Same(read, replan.PlannedState, $"{c.TypeName}: re-planning the unchanged configuration must be a no-op");
        }
    }

    [Fact]
    public async Task Update_PlansInPlaceAndApplies()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases)
        {
            var state = await CreateAsync(provider, c.TypeName, ConfigOf(provider, c.TypeName, c.Create));
            var updateConfig = ConfigOf(provider, c.TypeName, c.Update);

            var plan = await PlanAsync(provider, c.TypeName, state, updateConfig);
            Assert.Empty(plan.RequiresReplace);
            Assert.False(plan.PlannedState.UnmarkDeep().Value.RawEquals(state.UnmarkDeep().Value), $"{c.TypeName}: the update configuration must plan a change");
            ValueAssert.Same(state.GetAttribute("id"), plan.PlannedState.GetAttribute("id"), $"{c.TypeName}: an in-place update keeps the id");

            var applied = await ApplyAsync(provider, c.TypeName, state, plan, updateConfig, NewToken());
            ValueAssert.KnownValuesMatch(plan.PlannedState, applied);

            var read = await ReadAsync(provider, c.TypeName, applied);
            ValueAssert.Same(applied, read, $"{c.TypeName}: a refresh after the update must return the updated object");
            var replan = await PlanAsync(provider, c.TypeName, read, updateConfig);
            Assert.Empty(replan.RequiresReplace);
            ValueAssert.Same(read, replan.PlannedState, $"{c.TypeName}: re-planning after the update must be a no-op");
        }
    }

    [Fact]
    public async Task Replace_PlansReplacementOfForceNewChange()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases.Where(c => c.Replace is not null))
        {
            var state = await CreateAsync(provider, c.TypeName, ConfigOf(provider, c.TypeName, c.Create));
            var plan = await PlanAsync(provider, c.TypeName, state, ConfigOf(provider, c.TypeName, c.Replace!));
            Assert.NotEmpty(plan.RequiresReplace);
        }
    }

    [Fact]
    public async Task Destroy_LeavesNothing()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases)
        {
            var before = await CountRemoteObjectsAsync(c.TypeName, Ct);
            var config = ConfigOf(provider, c.TypeName, c.Create);
            var state = await CreateAsync(provider, c.TypeName, config);
            if (before is { } b)
                Assert.Equal(b + 1, await CountRemoteObjectsAsync(c.TypeName, Ct));

            var plan = await PlanAsync(provider, c.TypeName, state, HclValue.NullOf(config.Type));
            Assert.True(plan.PlannedState.IsNull, $"{c.TypeName}: a destroy plans a null object");
            var destroyed = await ApplyAsync(provider, c.TypeName, state, plan, HclValue.NullOf(config.Type), NewToken());
            Assert.True(destroyed.IsNull, $"{c.TypeName}: a destroy returns a null object");

            var read = await ReadAsync(provider, c.TypeName, state);
            Assert.True(read.IsNull, $"{c.TypeName}: reading a destroyed object returns a null value, got {read}");
            if (before is { } b2)
                Assert.Equal(b2, await CountRemoteObjectsAsync(c.TypeName, Ct));
        }
    }

    [Fact]
    public async Task ApplyAgainWithSameToken_CreatesNothingNew()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases)
        {
            var config = ConfigOf(provider, c.TypeName, c.Create);
            var plan = await PlanAsync(provider, c.TypeName, HclValue.NullOf(config.Type), config);
            var token = NewToken();
            var first = await ApplyAsync(provider, c.TypeName, HclValue.NullOf(config.Type), plan, config, token);
            var count = await CountRemoteObjectsAsync(c.TypeName, Ct);

            var again = await ApplyAsync(provider, c.TypeName, HclValue.NullOf(config.Type), plan, config, token);
            ValueAssert.Same(first.GetAttribute("id"), again.GetAttribute("id"), $"{c.TypeName}: the same token must answer with the same object");
            if (count is { } n)
                Assert.Equal(n, await CountRemoteObjectsAsync(c.TypeName, Ct));

            // A second provider instance (a restarted engine) gets the same answer.
            var restarted = await NewProviderAsync(ProviderConfigForRestart());
            var third = await ApplyAsync(restarted, c.TypeName, HclValue.NullOf(config.Type), plan, config, token);
            ValueAssert.Same(first.GetAttribute("id"), third.GetAttribute("id"), $"{c.TypeName}: a restarted provider must honour the token too");
        }
    }

    [Fact]
    public async Task Recover_AnswersByToken()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases)
        {
            var config = ConfigOf(provider, c.TypeName, c.Create);
            var nothing = HclValue.NullOf(config.Type);
            var plan = await PlanAsync(provider, c.TypeName, nothing, config);
            var token = NewToken();
            var created = await ApplyAsync(provider, c.TypeName, nothing, plan, config, token);

            var done = await provider.RecoverAsync(new RecoverRequest(c.TypeName, ChangeKind.Create, token, nothing, plan.PlannedState), Ct);
            AssertNoErrors(done.Diagnostics, "recover");
            Assert.Equal(RecoverOutcome.Completed, done.Outcome);
            ValueAssert.Same(created, done.State!, $"{c.TypeName}: recovering a completed create returns the object");

            var never = await provider.RecoverAsync(new RecoverRequest(c.TypeName, ChangeKind.Create, NewToken(), nothing, plan.PlannedState), Ct);
            AssertNoErrors(never.Diagnostics, "recover");
            Assert.Equal(RecoverOutcome.NotApplied, never.Outcome);
        }
    }

    [Fact]
    public async Task Import_ById_GivesTheRefreshedObject()
    {
        var provider = await NewProviderAsync();
        foreach (var c in Cases)
        {
            var state = await CreateAsync(provider, c.TypeName, ConfigOf(provider, c.TypeName, c.Create));
            var read = await ReadAsync(provider, c.TypeName, state);
            var id = state.GetAttribute("id").Unmark().Value.AsString();

            var imported = await provider.ImportAsync(new ImportRequest(c.TypeName, id), Ct);
            AssertNoErrors(imported.Diagnostics, "import");
            Assert.NotNull(imported.State);
            ValueAssert.Same(read.GetAttribute("id"), imported.State!.GetAttribute("id"), $"{c.TypeName}: import by id");
            var again = await ReadAsync(provider, c.TypeName, imported.State);
            ValueAssert.Same(imported.State, again, $"{c.TypeName}: an imported object refreshes to itself");

            var missing = await provider.ImportAsync(new ImportRequest(c.TypeName, id + "-does-not-exist"), Ct);
            Assert.Contains(missing.Diagnostics, d => d.IsError);
        }
    }

    [Fact]
    public async Task ReadMany_AnswersInRequestOrder()
    {
        var provider = await NewProviderAsync();
        var states = new List<(string Type, HclValue State)>();
        foreach (var c in Cases)
        {
            for (var i = 0; i < 3; i++)
                states.Add((c.TypeName, await CreateAsync(provider, c.TypeName, ConfigOf(provider, c.TypeName, c.Create))));
        }
        var results = await provider.ReadManyAsync([.. states.Select(s => new ReadRequest(s.Type, s.State, null))], Ct);
        Assert.Equal(states.Count, results.Count);
        for (var i = 0; i < states.Count; i++)
        {
            AssertNoErrors(results[i].Diagnostics, "read");
            ValueAssert.Same(states[i].State, results[i].NewState, $"{states[i].Type} #{i}");
        }
    }

    // ------------------------------------------------------------------ helpers for subclasses

    /// <summary>The configuration to use for a second provider instance on the same world (by default the same).</summary>
    protected virtual HclValue ProviderConfigForRestart() => ProviderConfig;

    /// <summary>A new, validated and configured provider instance.</summary>
    protected async Task<IProvider> NewProviderAsync(HclValue? config = null)
    {
        var provider = Factory.Create();
        var value = Complete(provider.GetSchema().Provider, config ?? ProviderConfig);
        AssertNoErrors(provider.ValidateProviderConfig(value), "provider configuration");
        AssertNoErrors(await provider.ConfigureAsync(new ConfigureRequest(value, WorkingDirectory), Ct), "configure");
        return provider;
    }

    /// <summary>A configuration value for <paramref name="typeName"/>: the given attributes, the rest null.</summary>
    protected static HclValue ConfigOf(IProvider provider, string typeName, IReadOnlyDictionary<string, HclValue> attributes)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var schema = provider.GetSchema().Resources[typeName].Block;
        var config = Complete(schema, HclValue.Object(attributes));
        AssertNoErrors(provider.ValidateResourceConfig(typeName, config), $"{typeName} configuration");
        return config;
    }

    /// <summary>Plans as the engine does: ProposedNew from the prior object and the configuration.</summary>
    protected static async Task<PlanResult> PlanAsync(IProvider provider, string typeName, HclValue prior, HclValue config)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var schema = provider.GetSchema().Resources[typeName].Block;
        var proposed = ObjectChange.ProposedNew(schema, prior, config);
        var plan = await provider.PlanChangeAsync(new PlanRequest(typeName, prior, proposed, config, null), Ct);
        AssertNoErrors(plan.Diagnostics, $"plan {typeName}");
        if (!plan.PlannedState.IsNull)
            Assert.True(plan.PlannedState.Type.Equals(schema.ImpliedType()), $"plan {typeName}: the planned object must have the schema's implied type, got {plan.PlannedState.Type}");
        return plan;
    }

    protected static async Task<HclValue> ApplyAsync(IProvider provider, string typeName, HclValue prior, PlanResult plan, HclValue config, string token)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(plan);
        var result = await provider.ApplyChangeAsync(new ApplyRequest(typeName, prior, plan.PlannedState, config, plan.PlannedPrivate, token), Ct);
        AssertNoErrors(result.Diagnostics, $"apply {typeName}");
        if (!plan.PlannedState.IsNull)
            ValueAssert.KnownValuesMatch(plan.PlannedState, result.NewState);
        return result.NewState;
    }

    protected static async Task<HclValue> CreateAsync(IProvider provider, string typeName, HclValue config)
    {
        var nothing = HclValue.NullOf(config.Type);
        var plan = await PlanAsync(provider, typeName, nothing, config);
        Assert.Empty(plan.RequiresReplace);
        return await ApplyAsync(provider, typeName, nothing, plan, config, NewToken());
    }

    protected static async Task<HclValue> ReadAsync(IProvider provider, string typeName, HclValue state)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var r = await provider.ReadAsync(new ReadRequest(typeName, state, null), Ct);
        AssertNoErrors(r.Diagnostics, $"read {typeName}");
        return r.NewState;
    }

    protected static string NewToken() => "conformance-" + Guid.NewGuid().ToString("N");

    protected static void AssertNoErrors(IEnumerable<ProviderDiagnostic> diagnostics, string what)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, $"{what}: " + string.Join("; ", errors.Select(e => $"{e.Summary}: {e.Detail} ({e.Path})")));
    }

    /// <summary>Fills the attributes and blocks a partial object leaves out with nulls (empty collections for
    /// repeated blocks), and converts the given ones to the schema's types.</summary>
    protected static HclValue Complete(BlockSchema schema, HclValue partial)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(partial);
        var attrs = new List<KeyValuePair<string, HclValue>>();
        foreach (var (name, a) in schema.Attributes)
        {
            var v = !partial.IsNull && partial.Type.HasAttribute(name) ? partial.GetAttribute(name) : HclValue.NullOf(a.Type);
            attrs.Add(new(name, HclConvert.Convert(v, a.Type).ValueOrThrow()));
        }
        foreach (var (name, b) in schema.Blocks)
        {
            var type = b.Block.ImpliedType();
            var v = !partial.IsNull && partial.Type.HasAttribute(name) ? partial.GetAttribute(name) : b.Nesting switch
            {
                BlockNesting.Single => HclValue.NullOf(type),
                BlockNesting.List => HclValue.ListOf(type),
                BlockNesting.Set => HclValue.SetOf(type),
                _ => HclValue.MapOf(type),
            };
            attrs.Add(new(name, v));
        }
        return HclValue.Object(attrs);
    }
}
