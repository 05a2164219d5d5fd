using Provisioner.Config.Decoding;
using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config.Validation;

/// <summary>Static checks over a decoded module: references, <c>depends_on</c>, dependency cycles; module call inputs.</summary>
internal sealed class ModuleValidator
{
    private static readonly IReadOnlySet<string> NoSkip = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> ResourceMeta =
        new HashSet<string>(["count", "for_each", "provider", "depends_on", "lifecycle"], StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> ModuleMeta =
        new HashSet<string>(["source", "version", "count", "for_each", "depends_on", "providers"], StringComparer.Ordinal);

    private readonly ModuleConfig _m;
    private readonly DiagnosticList _diags;
    private readonly DependencyGraph _graph = new();
    private readonly string _where;
    private readonly List<Traversal> _moduleRefs = [];
    private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _managedTypes = new(StringComparer.Ordinal);

    private ModuleValidator(ModuleConfig module, string where, DiagnosticList diags)
    {
        _m = module;
        _where = where;
        _diags = diags;
        foreach (var r in module.ManagedResources.Concat(module.DataResources))
            _addresses.Add(r.Address);
        foreach (var r in module.ManagedResources)
            _managedTypes.Add(r.Type);
    }

    /// <summary>Validates a module; returns its references to module calls (<c>module.NAME...</c>) for the tree's output checks.</summary>
    /// <param name="where">"the root module" or "module.a" for messages.</param>
    public static IReadOnlyList<Traversal> Validate(ModuleConfig module, string where, DiagnosticList diags)
    {
        var found = new DiagnosticList();
        var v = new ModuleValidator(module, where, found);
        v.Run();
        // Report in source order (files, then position), whatever order the checks ran in.
        diags.AddRange(found
            .Select((d, i) => (d, i))
            .OrderBy(p => p.d.Subject?.Filename ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.d.Subject?.Start.Byte ?? 0)
            .ThenBy(p => p.i)
            .Select(p => p.d));
        return v._moduleRefs;
    }

    /// <summary>Object → the objects its expressions refer to (see <see cref="ModuleReferences"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies(ModuleConfig module)
    {
        var v = new ModuleValidator(module, "the module", new DiagnosticList());
        v.Run();
        return v._graph.Edges();
    }

    /// <summary>Checks references to a child module's outputs (<c>module.NAME[KEY].OUTPUT</c>).</summary>
    public static void ValidateOutputReferences(IReadOnlyList<Traversal> refs, IReadOnlyDictionary<string, ModuleNode> children, DiagnosticList diags)
    {
        foreach (var t in refs)
        {
            if (Attr(t, 0) is not { } name || !children.TryGetValue(name, out var child))
                continue;
            var i = 1;
            if (i < t.Steps.Count && t.Steps[i] is TraverseIndex)
                i++;
            if (Attr(t, i) is not { } output || child.Config.Outputs.ContainsKey(output))
                continue;
            var s = NameSuggestion.Find(output, child.Config.Outputs.Keys);
            diags.Error("Unsupported attribute",
                $"This object does not have an attribute named \"{output}\": {child.Address} declares no output \"{output}\"." +
                (s.Length > 0 ? $" Did you mean \"{s}\"?" : ""),
                t.Steps[i].Range);
        }
    }

    /// <summary>Aliased provider references must name a configuration declared here or passed in by the module call.</summary>
    public static void ValidateProviderReferences(ModuleConfig module, ModuleCall? call, string where, DiagnosticList diags)
    {
        var available = new HashSet<string>(module.ProviderConfigs.Select(p => p.Address), StringComparer.Ordinal);
        if (call is not null)
        {
            foreach (var p in call.Providers)
                available.Add(p.InChild.ToString());
        }
        var refs = new List<ProviderRef>();
        foreach (var r in module.ManagedResources.Concat(module.DataResources).Concat(module.Checks.Values.SelectMany(c => c.ScopedData)))
        {
            if (r.Provider is { } p)
                refs.Add(p);
        }
        foreach (var i in module.Imports)
        {
            if (i.Provider is { } p)
                refs.Add(p);
        }
        foreach (var c in module.ModuleCalls.Values)
            refs.AddRange(c.Providers.Select(p => p.InParent));
        foreach (var p in refs)
        {
            if (p.Alias is null || available.Contains(p.ToString()))
                continue;
            var s = NameSuggestion.Find(p.ToString(), available);
            diags.Error("Reference to undeclared provider configuration",
                $"There is no provider configuration \"{p}\" in {where}. Add a provider \"{p.Name}\" block with alias = \"{p.Alias}\"" +
                (call is null ? "." : ", or pass one in with the providers argument of the module call.") +
                (s.Length > 0 ? $" Did you mean \"{s}\"?" : ""),
                p.Range);
        }
    }

    /// <summary>Checks a call's input arguments against the child's variables.</summary>
    public static void ValidateCall(ModuleCall call, ModuleConfig child, DiagnosticList diags)
    {
        var (attrs, d) = call.Inputs.JustAttributes();
        diags.AddRange(d);
        foreach (var attr in attrs.InOrder)
        {
            if (child.Variables.ContainsKey(attr.Name))
                continue;
            var suggestion = NameSuggestion.Find(attr.Name, child.Variables.Keys);
            diags.Error("Unsupported argument",
                $"An argument named \"{attr.Name}\" is not expected here." + (suggestion.Length > 0 ? $" Did you mean \"{suggestion}\"?" : ""),
                attr.NameRange);
        }
        foreach (var v in child.Variables.Values)
        {
            if (v.Required && !attrs.ContainsKey(v.Name))
            {
                diags.Error("Missing required argument",
                    $"The argument \"{v.Name}\" is required, but no definition was found.", call.DeclRange);
            }
        }
    }

    private void Run()
    {
        foreach (var v in _m.Variables.Values)
            _graph.AddNode("var." + v.Name, v.DeclRange);
        foreach (var l in _m.Locals.Values)
            _graph.AddNode("local." + l.Name, l.DeclRange);
        foreach (var r in _m.ManagedResources.Concat(_m.DataResources))
            _graph.AddNode(r.Address, r.DeclRange);
        foreach (var c in _m.ModuleCalls.Values)
            _graph.AddNode("module." + c.Name, c.DeclRange);
        foreach (var o in _m.Outputs.Values)
            _graph.AddNode("output." + o.Name, o.DeclRange);
        foreach (var p in _m.ProviderConfigs)
            _graph.AddNode("provider." + p.Address, p.DeclRange);

        foreach (var v in _m.Variables.Values)
        {
            var key = "var." + v.Name;
            foreach (var rule in v.Validations)
            {
                Refs(key, rule.Condition, RefContext.Plain);
                Refs(key, rule.ErrorMessage, RefContext.Plain);
            }
        }
        foreach (var l in _m.Locals.Values)
        {
            var key = "local." + l.Name;
            Refs(key, l.Expression, RefContext.Plain);
        }
        foreach (var o in _m.Outputs.Values)
        {
            var key = "output." + o.Name;
            Refs(key, o.Value, RefContext.Plain);
            DependsOn(key, o.DependsOn);
            foreach (var rule in o.Preconditions)
            {
                Refs(key, rule.Condition, RefContext.Plain);
                Refs(key, rule.ErrorMessage, RefContext.Plain);
            }
        }
        foreach (var r in _m.ManagedResources.Concat(_m.DataResources))
            ResourceRefs(r, r.Address);
        foreach (var c in _m.ModuleCalls.Values)
        {
            var key = "module." + c.Name;
            var ctx = RefContext.Plain with { Each = c.ForEach is not null, Count = c.Count is not null };
            if (c.Count is not null)
                Refs(key, c.Count, RefContext.Plain);
            if (c.ForEach is not null)
                Refs(key, c.ForEach, RefContext.Plain);
            DependsOn(key, c.DependsOn);
            var into = new List<(Traversal, RefContext)>();
            BodyReferences.Collect(c.Inputs, ctx, ModuleMeta, into);
            foreach (var (t, rc) in into)
                Reference(key, t, rc);
        }
        foreach (var p in _m.ProviderConfigs)
        {
            var into = new List<(Traversal, RefContext)>();
            BodyReferences.Collect(p.Config, RefContext.Plain, new HashSet<string>(["alias", "version"], StringComparer.Ordinal), into);
            foreach (var (t, rc) in into)
                Reference("provider." + p.Address, t, rc);
        }
        foreach (var ch in _m.Checks.Values)
        {
            foreach (var d in ch.ScopedData)
                ResourceRefs(d, null);
            foreach (var a in ch.Asserts)
            {
                Refs(null, a.Condition, RefContext.Plain, ch.ScopedData);
                Refs(null, a.ErrorMessage, RefContext.Plain, ch.ScopedData);
            }
        }
        foreach (var imp in _m.Imports)
        {
            if (imp.ForEach is not null)
                Refs(null, imp.ForEach, RefContext.Plain);
            Refs(null, imp.Id, RefContext.Plain with { Each = imp.ForEach is not null });
        }

        foreach (var cycle in _graph.FindCycles())
        {
            _diags.Error("Dependency cycle",
                $"These objects refer to each other in a cycle: {string.Join(" -> ", cycle.Path)}. Remove one of the references to break the cycle.",
                cycle.Subject);
        }
    }

    private void ResourceRefs(Resource r, string? key)
    {
        if (key is not null)
            _graph.AddEdge(key, "provider." + (r.Provider?.ToString() ?? r.ProviderName));
        if (r.Count is not null)
            Refs(key, r.Count, RefContext.Plain);
        if (r.ForEach is not null)
            Refs(key, r.ForEach, RefContext.Plain);
        DependsOn(key, r.DependsOn);
        var ctx = RefContext.Plain with { Each = r.ForEach is not null, Count = r.Count is not null };
        var into = new List<(Traversal, RefContext)>();
        BodyReferences.Collect(r.Config, ctx, ResourceMeta, into);
        foreach (var (t, rc) in into)
            Reference(key, t, rc, self: r);
        foreach (var rule in r.Lifecycle.Preconditions)
        {
            Refs(key, rule.Condition, ctx, self: r);
            Refs(key, rule.ErrorMessage, ctx, self: r);
        }
        foreach (var rule in r.Lifecycle.Postconditions)
        {
            Refs(key, rule.Condition, ctx with { Self = true }, self: r);
            Refs(key, rule.ErrorMessage, ctx with { Self = true }, self: r);
        }
        foreach (var e in r.Lifecycle.ReplaceTriggeredBy)
            Refs(key, e, ctx, self: r);
    }

    private void Refs(string? from, IHclExpression expr, RefContext ctx, IReadOnlyList<Resource>? scoped = null, Resource? self = null)
    {
        foreach (var t in expr.Variables())
            Reference(from, t, ctx, scoped, self);
    }

    private void DependsOn(string? from, IReadOnlyList<Traversal> entries)
    {
        foreach (var t in entries)
        {
            var wholeSteps = t.RootName switch
            {
                "module" or "var" or "local" => 1,
                "data" => 2,
                _ => 1,
            };
            var bad = t.RootName is "each" or "count" or "self" or "path" or "provisioner" or "terraform";
            if (bad || t.Steps.Count != wholeSteps)
            {
                _diags.Error("Invalid depends_on reference",
                    "References in depends_on must be to a whole object (resource, data resource, module call, variable or local value), not to an attribute of an object or an instance key.",
                    t.Range);
                continue;
            }
            Reference(from, t, RefContext.Plain);
        }
    }

    private static string? Attr(Traversal t, int i) => i < t.Steps.Count && t.Steps[i] is TraverseAttr a ? a.Name : null;

    private void Reference(string? from, Traversal t, RefContext ctx, IReadOnlyList<Resource>? scoped = null, Resource? self = null)
    {
        var root = t.RootName;
        if (ctx.Iterators.Contains(root))
            return;
        switch (root)
        {
            case "var":
            {
                if (Attr(t, 0) is not { } name)
                {
                    InvalidReference(t, "A reference to \"var\" must be followed by an attribute naming the variable, like var.name.");
                    return;
                }
                if (!_m.Variables.ContainsKey(name))
                {
                    var s = NameSuggestion.Find(name, _m.Variables.Keys);
                    _diags.Error("Reference to undeclared input variable",
                        s.Length > 0
                            ? $"An input variable with the name \"{name}\" has not been declared. Did you mean \"{s}\"?"
                            : $"An input variable with the name \"{name}\" has not been declared. This variable can be declared with a variable \"{name}\" {{}} block.",
                        t.Range);
                    return;
                }
                Edge(from, "var." + name);
                return;
            }
            case "local":
            {
                if (Attr(t, 0) is not { } name)
                {
                    InvalidReference(t, "A reference to \"local\" must be followed by an attribute naming the local value, like local.name.");
                    return;
                }
                if (!_m.Locals.ContainsKey(name))
                {
                    var s = NameSuggestion.Find(name, _m.Locals.Keys);
                    _diags.Error("Reference to undeclared local value",
                        $"A local value with the name \"{name}\" has not been declared." + (s.Length > 0 ? $" Did you mean \"{s}\"?" : ""),
                        t.Range);
                    return;
                }
                Edge(from, "local." + name);
                return;
            }
            case "module":
            {
                if (Attr(t, 0) is not { } name)
                {
                    InvalidReference(t, "A reference to \"module\" must be followed by an attribute naming the module call, like module.name.");
                    return;
                }
                if (!_m.ModuleCalls.ContainsKey(name))
                {
                    var s = NameSuggestion.Find(name, _m.ModuleCalls.Keys);
                    _diags.Error("Reference to undeclared module",
                        $"No module call named \"{name}\" is declared in {_where}." + (s.Length > 0 ? $" Did you mean \"{s}\"?" : ""),
                        t.Range);
                    return;
                }
                _moduleRefs.Add(t);
                Edge(from, "module." + name, self);
                return;
            }
            case "data":
            {
                if (Attr(t, 0) is not { } type || Attr(t, 1) is not { } name)
                {
                    InvalidReference(t, "A reference to a data resource must give the type and name, like data.TYPE.NAME.");
                    return;
                }
                if (!_addresses.Contains($"data.{type}.{name}") &&
                    !(scoped?.Any(d => d.Type == type && d.Name == name) ?? false))
                {
                    var s = NameSuggestion.Find($"data.{type}.{name}", _m.DataResources.Select(d => d.Address));
                    _diags.Error("Reference to undeclared resource",
                        $"A data resource \"{type}\" \"{name}\" has not been declared in {_where}." + (s.Length > 0 ? $" Did you mean \"{s}\"?" : ""),
                        t.Range);
                    return;
                }
                Edge(from, $"data.{type}.{name}", self);
                return;
            }
            case "path":
                if (Attr(t, 0) is not ("module" or "root" or "cwd"))
                    InvalidReference(t, "The \"path\" object has the attributes \"module\", \"root\" and \"cwd\".", "Invalid \"path\" attribute");
                return;
            case "provisioner":
            case "terraform":
                return;
            case "each":
                if (!ctx.Each)
                {
                    _diags.Error("Reference to \"each\" in context without for_each",
                        "The \"each\" object can be used only in \"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set.",
                        t.Range);
                }
                else if (Attr(t, 0) is not ("key" or "value"))
                {
                    InvalidReference(t, "The \"each\" object has the attributes \"key\" and \"value\".", "Invalid \"each\" attribute");
                }
                return;
            case "count":
                if (!ctx.Count)
                {
                    _diags.Error("Reference to \"count\" in non-counted context",
                        "The \"count\" object can only be used in \"module\", \"resource\", and \"data\" blocks, and only when the \"count\" argument is set.",
                        t.Range);
                }
                else if (Attr(t, 0) != "index")
                {
                    InvalidReference(t, "The \"count\" object has only the attribute \"index\".", "Invalid \"count\" attribute");
                }
                return;
            case "self":
                if (!ctx.Self)
                {
                    _diags.Error("Invalid \"self\" reference",
                        "The \"self\" object is not available in this context. This object can be used only in resource postcondition blocks.",
                        t.Range);
                }
                return;
        }

        if (ctx.Iterators.Contains("*"))
        {
            // JSON bodies: dynamic iterators are not known statically; only check declared resource types.
            if (!_managedTypes.Contains(root))
                return;
        }
        if (Attr(t, 0) is not { } resName)
        {
            InvalidReference(t, $"A reference to a resource type must be followed by at least one attribute access, specifying the resource name.");
            return;
        }
        if (!_addresses.Contains($"{root}.{resName}"))
        {
            var s = NameSuggestion.Find($"{root}.{resName}", _m.ManagedResources.Select(r => r.Address));
            _diags.Error("Reference to undeclared resource",
                $"A managed resource \"{root}\" \"{resName}\" has not been declared in {_where}." + (s.Length > 0 ? $" Did you mean \"{s}\"?" : ""),
                t.Range);
            return;
        }
        Edge(from, $"{root}.{resName}", self);
    }

    private void InvalidReference(Traversal t, string detail, string summary = "Invalid reference") =>
        _diags.Error(summary, detail, t.Range);

    private void Edge(string? from, string to, Resource? self = null)
    {
        if (from is null)
            return;
        if (from == to)
        {
            if (from.StartsWith("var.", StringComparison.Ordinal))
                return;
            if (self is not null || from.StartsWith("module.", StringComparison.Ordinal))
            {
                _diags.Error("Self-referential block", $"Configuration for {from} may not refer to itself.",
                    _graph.RangeOf(from));
                return;
            }
        }
        _graph.AddEdge(from, to);
    }
}
