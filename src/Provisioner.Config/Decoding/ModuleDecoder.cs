using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Syntax;
using Provisioner.Hcl.Values;

namespace Provisioner.Config.Decoding;

/// <summary>Decodes the bodies of a module's files into a <see cref="ModuleConfig"/> (Terraform's <c>configs</c> package).</summary>
internal sealed class ModuleDecoder
{
    private readonly DiagnosticList _diags;
    private string? _requiredVersion;
    private SourceRange? _requiredVersionRange;
    private BackendConfig? _backend;
    private EncryptionConfig? _encryption;
    private SourceRange? _encryptionRange;
    private readonly Dictionary<string, Variable> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Local> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Output> _outputs = new(StringComparer.Ordinal);
    private readonly List<ProviderConfig> _providers = [];
    private readonly List<Resource> _managed = [];
    private readonly List<Resource> _data = [];
    private readonly Dictionary<string, Resource> _resourcesByAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModuleCall> _calls = new(StringComparer.Ordinal);
    private readonly List<MovedBlock> _moved = [];
    private readonly List<ImportBlock> _imports = [];
    private readonly List<RemovedBlock> _removed = [];
    private readonly Dictionary<string, CheckBlock> _checks = new(StringComparer.Ordinal);

    public ModuleDecoder(DiagnosticList diags) => _diags = diags;

    public void AddFile(IHclBody body)
    {
        var (content, diags) = body.Content(Schemas.File);
        _diags.AddRange(diags);
        foreach (var block in content.Blocks)
        {
            switch (block.Type)
            {
                case "provisioner":
                    DecodeSettings(block);
                    break;
                case "variable":
                    DecodeVariable(block);
                    break;
                case "locals":
                    DecodeLocals(block);
                    break;
                case "output":
                    DecodeOutput(block);
                    break;
                case "provider":
                    DecodeProvider(block);
                    break;
                case "resource":
                    if (DecodeResource(block, ResourceMode.Managed) is { } r)
                        AddResource(r, _managed);
                    break;
                case "data":
                    if (DecodeResource(block, ResourceMode.Data) is { } d)
                        AddResource(d, _data);
                    break;
                case "module":
                    DecodeModuleCall(block);
                    break;
                case "moved":
                    DecodeMoved(block);
                    break;
                case "import":
                    DecodeImport(block);
                    break;
                case "removed":
                    DecodeRemoved(block);
                    break;
                case "check":
                    DecodeCheck(block);
                    break;
            }
        }
    }

    public ModuleConfig Build(string directory, IReadOnlyList<string> files) =>
        new(directory, files, new ModuleSettings(_requiredVersion, _requiredVersionRange, _backend, _encryption),
            _variables, _locals, _outputs, _providers, _managed, _data, _calls, _moved, _imports, _removed, _checks);

    private static string At(SourceRange r) => r.ToString();

    private bool CheckName(string name, string what, SourceRange range)
    {
        if (Names.IsValid(name))
            return true;
        _diags.Error($"Invalid {what} name", Names.BadNameDetail, range);
        return false;
    }

    private void DecodeSettings(HclBlock block)
    {
        var (content, diags) = block.Body.Content(Schemas.Settings);
        _diags.AddRange(diags);
        if (content.Attributes.TryGetValue("required_version", out var rv))
        {
            if (StaticExpressions.LiteralString(rv.Expression, _diags, "required_version") is { } s)
            {
                if (!VersionConstraint.TryParse(s, out _, out var err))
                    _diags.Error("Invalid required_version constraint", err, rv.Expression.Range);
                _requiredVersion = s;
                _requiredVersionRange = rv.Expression.Range;
            }
        }
        foreach (var b in content.Blocks)
        {
            if (b.Type == "encryption")
            {
                if (_encryptionRange is { } first)
                {
                    _diags.Error("Duplicate encryption configuration",
                        $"A module may have only one encryption block. It was previously configured at {At(first)}.", b.DefRange);
                    continue;
                }
                _encryptionRange = b.DefRange;
                _encryption = EncryptionDecoder.Decode(b, _diags);
                continue;
            }
            if (_backend is { } prev)
            {
                _diags.Error("Duplicate backend configuration",
                    $"A module may have only one backend configuration. The backend was previously configured at {At(prev.DeclRange)}.",
                    b.DefRange);
                continue;
            }
            _backend = new BackendConfig(b.Labels[0], b.Body, b.DefRange, b.LabelRanges[0]);
        }
    }

    private void DecodeVariable(HclBlock block)
    {
        var name = block.Labels[0];
        var nameRange = block.LabelRanges[0];
        var (content, diags) = block.Body.Content(Schemas.Variable);
        _diags.AddRange(diags);
        var ok = CheckName(name, "variable", nameRange);
        if (ok && Names.IsReservedVariableName(name))
        {
            _diags.Error("Invalid variable name",
                $"The variable name \"{name}\" is reserved due to its special meaning inside module blocks.", nameRange);
        }

        var constraint = HclTypeConstraint.Any;
        var typeGiven = false;
        if (content.Attributes.TryGetValue("type", out var typeAttr))
        {
            var tc = TypeExpressions.GetTypeConstraint(typeAttr.Expression);
            _diags.AddRange(tc.Diagnostics);
            if (!tc.HasErrors)
            {
                constraint = tc.Constraint;
                typeGiven = true;
            }
        }

        var description = "";
        if (content.Attributes.TryGetValue("description", out var descAttr))
            description = StaticExpressions.LiteralString(descAttr.Expression, _diags, "description") ?? "";
        var sensitive = content.Attributes.TryGetValue("sensitive", out var sensAttr) &&
                        (StaticExpressions.LiteralBool(sensAttr.Expression, _diags, "sensitive value") ?? false);
        var nullable = !content.Attributes.TryGetValue("nullable", out var nullAttr) ||
                       (StaticExpressions.LiteralBool(nullAttr.Expression, _diags, "nullable value") ?? true);

        HclValue? def = null;
        SourceRange? defRange = null;
        if (content.Attributes.TryGetValue("default", out var defAttr))
        {
            defRange = defAttr.Expression.Range;
            var (value, d) = defAttr.Expression.Evaluate(null);
            _diags.AddRange(d);
            if (!d.HasErrors)
            {
                var conv = constraint.Convert(value);
                if (!conv.IsSuccess)
                {
                    _diags.Error("Invalid default value for variable",
                        $"This default value is not compatible with the variable's type constraint: {conv.Error}.",
                        defAttr.Expression.Range);
                    value = HclValue.DynamicVal;
                }
                else
                {
                    value = conv.Value!;
                }
                if (value.IsNull && !nullable)
                {
                    _diags.Error("Invalid default value for variable",
                        "A null default value is not valid when nullable=false.", defAttr.Expression.Range);
                }
                def = value;
            }
            else
            {
                def = HclValue.DynamicVal;
            }
        }

        var validations = new List<CheckRule>();
        foreach (var vb in content.Blocks)
        {
            if (DecodeRule(vb, CheckRuleKind.Validation) is { } rule)
                validations.Add(rule);
        }

        if (_variables.TryGetValue(name, out var existing))
        {
            _diags.Error("Duplicate variable declaration",
                $"A variable named \"{name}\" was already declared at {At(existing.DeclRange)}. Variable names must be unique within a module.",
                block.DefRange);
            return;
        }
        _variables[name] = new Variable(name, constraint, typeGiven, def, description, sensitive, nullable, validations, block.DefRange, defRange);
    }

    private CheckRule? DecodeRule(HclBlock block, CheckRuleKind kind)
    {
        var (content, diags) = block.Body.Content(Schemas.Rule);
        _diags.AddRange(diags);
        if (!content.Attributes.TryGetValue("condition", out var cond) ||
            !content.Attributes.TryGetValue("error_message", out var msg))
            return null;
        return new CheckRule(kind, cond.Expression, msg.Expression, block.DefRange);
    }

    private void DecodeLocals(HclBlock block)
    {
        var (attrs, diags) = block.Body.JustAttributes();
        _diags.AddRange(diags);
        foreach (var attr in attrs.InOrder)
        {
            if (!CheckName(attr.Name, "local value", attr.NameRange))
                continue;
            if (_locals.TryGetValue(attr.Name, out var existing))
            {
                _diags.Error("Duplicate local value definition",
                    $"A local value named \"{attr.Name}\" was already defined at {At(existing.DeclRange)}. Local value names must be unique within a module.",
                    attr.NameRange);
                continue;
            }
            _locals[attr.Name] = new Local(attr.Name, attr.Expression, attr.Range);
        }
    }

    private void DecodeOutput(HclBlock block)
    {
        var name = block.Labels[0];
        var (content, diags) = block.Body.Content(Schemas.Output);
        _diags.AddRange(diags);
        CheckName(name, "output", block.LabelRanges[0]);
        if (!content.Attributes.TryGetValue("value", out var value))
            return;
        var description = content.Attributes.TryGetValue("description", out var d)
            ? StaticExpressions.LiteralString(d.Expression, _diags, "description") ?? ""
            : "";
        var sensitive = content.Attributes.TryGetValue("sensitive", out var s) &&
                        (StaticExpressions.LiteralBool(s.Expression, _diags, "sensitive value") ?? false);
        var dependsOn = content.Attributes.TryGetValue("depends_on", out var dep)
            ? StaticExpressions.TraversalList(dep.Expression, _diags)
            : [];
        var pre = new List<CheckRule>();
        foreach (var b in content.Blocks)
        {
            if (DecodeRule(b, CheckRuleKind.Precondition) is { } r)
                pre.Add(r);
        }
        if (_outputs.TryGetValue(name, out var existing))
        {
            _diags.Error("Duplicate output definition",
                $"An output named \"{name}\" was already defined at {At(existing.DeclRange)}. Output names must be unique within a module.",
                block.DefRange);
            return;
        }
        _outputs[name] = new Output(name, value.Expression, description, sensitive, dependsOn, pre, block.DefRange);
    }

    private void DecodeProvider(HclBlock block)
    {
        var name = block.Labels[0];
        var (content, remain, diags) = block.Body.PartialContent(Schemas.Provider);
        _diags.AddRange(diags);
        if (!CheckName(name, "provider local", block.LabelRanges[0]))
            return;
        string? alias = null;
        if (content.Attributes.TryGetValue("alias", out var aliasAttr))
        {
            var kw = StaticExpressions.Keyword(aliasAttr.Expression);
            alias = StaticExpressions.LiteralString(aliasAttr.Expression, new DiagnosticList(), "alias") ?? kw;
            if (alias is null || !Names.IsValid(alias))
            {
                _diags.Error("Invalid provider configuration alias",
                    "An alias must be a valid name. " + Names.BadNameDetail, aliasAttr.Expression.Range);
                return;
            }
        }
        foreach (var reserved in content.Attributes.Values.Where(a => a.Name is not ("alias" or "version")))
        {
            _diags.Error("Reserved argument name in provider block",
                $"The provider argument name \"{reserved.Name}\" is reserved for use by Provisioner in a future version.",
                reserved.NameRange);
        }
        foreach (var reserved in content.Blocks)
        {
            _diags.Error("Reserved block type name in provider block",
                $"The block type name \"{reserved.Type}\" is reserved for use by Provisioner in a future version.",
                reserved.TypeRange);
        }
        if (content.Attributes.TryGetValue("version", out var ver))
        {
            _diags.Warning("Version constraints inside provider configuration blocks are not supported",
                "Provider versions are not constrained in provider blocks; this argument is ignored.", ver.Range);
        }
        foreach (var p in _providers)
        {
            if (p.Name != name || p.Alias != alias)
                continue;
            _diags.Error("Duplicate provider configuration",
                alias is null
                    ? $"A default (non-aliased) provider configuration for \"{name}\" was already given at {At(p.DeclRange)}. If multiple configurations are required, set the \"alias\" argument for alternative configurations."
                    : $"A provider configuration for \"{name}\" with alias \"{alias}\" was already given at {At(p.DeclRange)}. Each configuration for the same provider must have a distinct alias.",
                block.DefRange);
            return;
        }
        _providers.Add(new ProviderConfig(name, alias, remain, block.DefRange, block.LabelRanges[0]));
    }

    private Resource? DecodeResource(HclBlock block, ResourceMode mode)
    {
        var type = block.Labels[0];
        var name = block.Labels[1];
        var (content, remain, diags) = block.Body.PartialContent(Schemas.Resource);
        _diags.AddRange(diags);
        var what = mode == ResourceMode.Managed ? "resource" : "data source";
        var ok = CheckName(type, $"{what} type", block.LabelRanges[0]);
        ok &= CheckName(name, $"{what}", block.LabelRanges[1]);

        IHclExpression? count = content.Attributes.TryGetValue("count", out var c) ? c.Expression : null;
        IHclExpression? forEach = content.Attributes.TryGetValue("for_each", out var fe) ? fe.Expression : null;
        if (count is not null && forEach is not null)
        {
            _diags.Error("Invalid combination of \"count\" and \"for_each\"",
                "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.",
                fe!.NameRange);
        }
        ProviderRef? provider = content.Attributes.TryGetValue("provider", out var p)
            ? StaticExpressions.ProviderReference(p.Expression, _diags)
            : null;
        var dependsOn = content.Attributes.TryGetValue("depends_on", out var dep)
            ? StaticExpressions.TraversalList(dep.Expression, _diags)
            : [];

        var lifecycle = ResourceLifecycle.Empty;
        var seenLifecycle = false;
        foreach (var b in content.Blocks)
        {
            if (b.Type == "lifecycle")
            {
                if (seenLifecycle)
                {
                    _diags.Error("Duplicate lifecycle block", $"This {what} already has a lifecycle block.", b.DefRange);
                    continue;
                }
                seenLifecycle = true;
                lifecycle = DecodeLifecycle(b, mode);
            }
            else
            {
                _diags.Error($"Reserved block type name in {(mode == ResourceMode.Managed ? "resource" : "data")} block",
                    $"The block type name \"{b.Type}\" is reserved for use by Provisioner in a future version.", b.TypeRange);
            }
        }
        if (!ok)
            return null;
        return new Resource(mode, type, name, count, forEach, provider, dependsOn, lifecycle, remain,
            block.DefRange, block.LabelRanges[0], block.LabelRanges[1]);
    }

    private ResourceLifecycle DecodeLifecycle(HclBlock block, ResourceMode mode)
    {
        var (content, diags) = block.Body.Content(mode == ResourceMode.Managed ? Schemas.ManagedLifecycle : Schemas.DataLifecycle);
        _diags.AddRange(diags);
        var cbd = false;
        var cbdSet = false;
        if (content.Attributes.TryGetValue("create_before_destroy", out var cbdAttr))
        {
            cbd = StaticExpressions.LiteralBool(cbdAttr.Expression, _diags, "create_before_destroy value") ?? false;
            cbdSet = true;
        }
        var prevent = content.Attributes.TryGetValue("prevent_destroy", out var pd) &&
                      (StaticExpressions.LiteralBool(pd.Expression, _diags, "prevent_destroy value") ?? false);
        var ignoreAll = false;
        IReadOnlyList<Traversal> ignore = [];
        if (content.Attributes.TryGetValue("ignore_changes", out var ic))
        {
            if (StaticExpressions.Keyword(ic.Expression) == "all")
            {
                ignoreAll = true;
            }
            else
            {
                ignore = StaticExpressions.TraversalList(ic.Expression, _diags);
            }
        }
        IReadOnlyList<IHclExpression> rtb = [];
        if (content.Attributes.TryGetValue("replace_triggered_by", out var rt))
            rtb = StaticExpressions.List(rt.Expression, _diags) ?? [];
        var pre = new List<CheckRule>();
        var post = new List<CheckRule>();
        foreach (var b in content.Blocks)
        {
            var isPre = b.Type == "precondition";
            if (DecodeRule(b, isPre ? CheckRuleKind.Precondition : CheckRuleKind.Postcondition) is { } r)
                (isPre ? pre : post).Add(r);
        }
        return new ResourceLifecycle(cbd, cbdSet, prevent, ignoreAll, ignore, rtb, pre, post);
    }

    private void AddResource(Resource r, List<Resource> list)
    {
        if (!_resourcesByAddress.TryGetValue(r.Address, out var existing))
        {
            _resourcesByAddress[r.Address] = r;
            list.Add(r);
            return;
        }
        if (r.Mode == ResourceMode.Managed)
        {
            _diags.Error($"Duplicate resource \"{r.Type}\" configuration",
                $"A {r.Type} resource named \"{r.Name}\" was already declared at {At(existing.DeclRange)}. Resource names must be unique per type in each module.",
                r.DeclRange);
        }
        else
        {
            _diags.Error($"Duplicate data \"{r.Type}\" configuration",
                $"A {r.Type} data resource named \"{r.Name}\" was already declared at {At(existing.DeclRange)}. Resource names must be unique per type in each module.",
                r.DeclRange);
        }
    }

    private void DecodeModuleCall(HclBlock block)
    {
        var name = block.Labels[0];
        var (content, remain, diags) = block.Body.PartialContent(Schemas.ModuleCall);
        _diags.AddRange(diags);
        var ok = CheckName(name, "module instance", block.LabelRanges[0]);
        string? source = null;
        SourceRange sourceRange = block.DefRange;
        if (content.Attributes.TryGetValue("source", out var src))
        {
            sourceRange = src.Expression.Range;
            source = StaticExpressions.LiteralString(src.Expression, _diags, "module source");
        }
        string? version = null;
        if (content.Attributes.TryGetValue("version", out var ver))
            version = StaticExpressions.LiteralString(ver.Expression, _diags, "version constraint");
        IHclExpression? count = content.Attributes.TryGetValue("count", out var c) ? c.Expression : null;
        IHclExpression? forEach = content.Attributes.TryGetValue("for_each", out var fe) ? fe.Expression : null;
        if (count is not null && forEach is not null)
        {
            _diags.Error("Invalid combination of \"count\" and \"for_each\"",
                "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.",
                fe!.NameRange);
        }
        var dependsOn = content.Attributes.TryGetValue("depends_on", out var dep)
            ? StaticExpressions.TraversalList(dep.Expression, _diags)
            : [];
        var providers = new List<PassedProvider>();
        if (content.Attributes.TryGetValue("providers", out var provAttr) &&
            StaticExpressions.Map(provAttr.Expression, _diags) is { } items)
        {
            foreach (var (k, v) in items)
            {
                var inChild = StaticExpressions.ProviderReference(k, _diags);
                var inParent = StaticExpressions.ProviderReference(v, _diags);
                if (inChild is not null && inParent is not null)
                    providers.Add(new PassedProvider(inChild, inParent));
            }
        }
        foreach (var b in content.Blocks)
        {
            _diags.Error("Reserved block type name in module block",
                $"The block type name \"{b.Type}\" is reserved for use by Provisioner in a future version.", b.TypeRange);
        }
        if (!ok || source is null)
            return;
        if (_calls.TryGetValue(name, out var existing))
        {
            _diags.Error("Duplicate module call",
                $"A module call named \"{name}\" was already defined at {At(existing.DeclRange)}. Module calls must have unique names within a module.",
                block.DefRange);
            return;
        }
        _calls[name] = new ModuleCall(name, source, sourceRange, version, count, forEach, dependsOn, providers, remain,
            block.DefRange, block.LabelRanges[0]);
    }

    private void DecodeMoved(HclBlock block)
    {
        var (content, diags) = block.Body.Content(Schemas.Moved);
        _diags.AddRange(diags);
        if (!content.Attributes.TryGetValue("from", out var from) || !content.Attributes.TryGetValue("to", out var to))
            return;
        var f = StaticExpressions.Traversal(from.Expression, _diags);
        var t = StaticExpressions.Traversal(to.Expression, _diags);
        if (f is null || t is null)
            return;
        var (fk, _) = StaticAddress.Classify(f);
        var (tk, _) = StaticAddress.Classify(t);
        var ok = true;
        foreach (var (kind, tr, arg) in new[] { (fk, f, "from"), (tk, t, "to") })
        {
            if (kind == StaticAddressKind.Invalid)
            {
                _diags.Error("Invalid \"moved\" address",
                    $"The \"{arg}\" argument must be a resource or module address, like sim_machine.web, module.a or module.a.sim_machine.web[\"x\"].",
                    tr.Range);
                ok = false;
            }
            else if (kind == StaticAddressKind.DataResource)
            {
                _diags.Error("Invalid \"moved\" address",
                    "Data resources cannot be moved: they have no saved objects to keep. Remove this moved block.", tr.Range);
                ok = false;
            }
        }
        if (ok && (fk == StaticAddressKind.Module) != (tk == StaticAddressKind.Module))
        {
            _diags.Error("Invalid \"moved\" addresses",
                "A moved block must move a resource to a resource or a module call to a module call, not between the two.",
                t.Range);
            ok = false;
        }
        if (ok)
            _moved.Add(new MovedBlock(f, t, block.DefRange));
    }

    private void DecodeImport(HclBlock block)
    {
        var (content, diags) = block.Body.Content(Schemas.Import);
        _diags.AddRange(diags);
        if (!content.Attributes.TryGetValue("to", out var to) || !content.Attributes.TryGetValue("id", out var id))
            return;
        var t = StaticExpressions.Traversal(to.Expression, _diags);
        var provider = content.Attributes.TryGetValue("provider", out var p)
            ? StaticExpressions.ProviderReference(p.Expression, _diags)
            : null;
        var forEach = content.Attributes.TryGetValue("for_each", out var fe) ? fe.Expression : null;
        if (t is not null && StaticAddress.Classify(t).Kind != StaticAddressKind.ManagedResource)
        {
            _diags.Error("Invalid import address",
                "The \"to\" argument of an import block must be a managed resource address, like sim_machine.web or module.a.sim_machine.web[\"x\"].",
                t.Range);
            return;
        }
        if (t is not null)
            _imports.Add(new ImportBlock(t, id.Expression, provider, forEach, block.DefRange));
    }

    private void DecodeRemoved(HclBlock block)
    {
        var (content, diags) = block.Body.Content(Schemas.Removed);
        _diags.AddRange(diags);
        var destroy = true;
        foreach (var b in content.Blocks)
        {
            var (lc, ld) = b.Body.Content(Schemas.RemovedLifecycle);
            _diags.AddRange(ld);
            if (lc.Attributes.TryGetValue("destroy", out var d))
                destroy = StaticExpressions.LiteralBool(d.Expression, _diags, "destroy value") ?? true;
        }
        if (!content.Attributes.TryGetValue("from", out var from))
            return;
        if (StaticExpressions.Traversal(from.Expression, _diags) is not { } f)
            return;
        var (kind, keys) = StaticAddress.Classify(f);
        if (kind is StaticAddressKind.Invalid or StaticAddressKind.DataResource)
        {
            _diags.Error("Invalid \"removed\" address",
                "The \"from\" argument must be a managed resource or module address, like sim_machine.web or module.a.",
                f.Range);
            return;
        }
        if (keys)
        {
            _diags.Error("Resource instance keys not allowed",
                "A removed block refers to a whole resource or module call, not to one of its instances: remove the index.",
                f.Range);
            return;
        }
        _removed.Add(new RemovedBlock(f, destroy, block.DefRange));
    }

    private void DecodeCheck(HclBlock block)
    {
        var name = block.Labels[0];
        var (content, diags) = block.Body.Content(Schemas.Check);
        _diags.AddRange(diags);
        if (!CheckName(name, "check block", block.LabelRanges[0]))
            return;
        var data = new List<Resource>();
        var asserts = new List<CheckRule>();
        foreach (var b in content.Blocks)
        {
            if (b.Type == "data")
            {
                if (DecodeResource(b, ResourceMode.Data) is { } r)
                    data.Add(r);
            }
            else if (DecodeRule(b, CheckRuleKind.Assert) is { } rule)
            {
                asserts.Add(rule);
            }
        }
        if (asserts.Count == 0)
        {
            _diags.Error("Zero assert blocks", "Check blocks must have at least one assert block.", block.DefRange);
        }
        if (_checks.TryGetValue(name, out var existing))
        {
            _diags.Error($"Duplicate check \"{name}\" configuration",
                $"A check block named \"{name}\" was already declared at {At(existing.DeclRange)}. Check blocks must be unique within each module.",
                block.DefRange);
            return;
        }
        _checks[name] = new CheckBlock(name, data, asserts, block.DefRange);
    }
}
