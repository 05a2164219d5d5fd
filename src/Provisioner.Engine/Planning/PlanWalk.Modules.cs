using Provisioner.Config;
using Provisioner.Engine.Addresses;
using Provisioner.Engine.Evaluation;
using Provisioner.Hcl;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

internal sealed partial class PlanWalk
{
    private void ExpandModuleCall(ModuleNode module, string name, IReadOnlyList<ModuleScope> scopes)
    {
        var call = module.Config.ModuleCalls[name];
        var child = module.Children[name];
        if (!_scopes.TryGetValue(child, out var childScopes))
            _scopes[child] = childScopes = [];
        foreach (var s in scopes)
        {
            var (kind, keys) = Expand(call.Count, call.ForEach, s.Context);
            var values = new RepeatedValues(kind);
            s.Calls[name] = values;
            foreach (var (key, each) in keys)
            {
                childScopes.Add(NewScope(s.Path.Child(name, key), child, s, key, each));
                values.Set(key, HclValue.DynamicVal);
            }
            s.CallsChanged();
        }
    }

    private void CollectModuleOutputs(ModuleNode module, string name, IReadOnlyList<ModuleScope> scopes)
    {
        var child = module.Children[name];
        foreach (var cs in ScopesOf(child))
        {
            var parent = cs.Parent!;
            if (!scopes.Contains(parent))
                continue;
            var outputs = HclValue.Object(child.Config.Outputs.Keys.Select(o =>
                new KeyValuePair<string, HclValue>(o, cs.Outputs.TryGetValue(o, out var v) ? v : HclValue.DynamicVal)));
            parent.Calls[name].Set(cs.CallKey, outputs);
            parent.CallsChanged();
        }
    }

    /// <summary>
    /// Evaluates <c>count</c> / <c>for_each</c>: the instance keys with their <c>each.value</c>. Both must be known
    /// during planning (the error says how to work around it, as Terraform's does).
    /// </summary>
    internal (ExpansionKind Kind, List<(InstanceKey Key, HclValue? Each)> Keys) Expand(IHclExpression? count, IHclExpression? forEach, EvalContext ctx)
    {
        var keys = new List<(InstanceKey, HclValue?)>();
        if (count is not null)
        {
            var r = count.Evaluate(ctx);
            Diagnostics.AddRange(r.Diagnostics);
            if (r.HasErrors)
                return (ExpansionKind.Count, keys);
            var v = r.Value;
            if (v.ContainsMarks() && v.UnmarkDeep().Marks.Contains(HclMarks.Sensitive))
            {
                Diagnostics.Error("Invalid count argument", "Sensitive values, or values derived from sensitive values, cannot be used as count arguments.", count.Range);
                return (ExpansionKind.Count, keys);
            }
            v = v.UnmarkDeep().Value;
            if (!v.IsKnown)
            {
                Diagnostics.Error("Invalid count argument",
                    "The \"count\" value depends on resource attributes that cannot be determined until apply, so Provisioner cannot predict how many instances will be created. To work around this, use the -target argument to first apply only the resources that the count depends on.",
                    count.Range);
                return (ExpansionKind.Count, keys);
            }
            var conv = HclConvert.Convert(v, HclType.Number);
            if (!conv.IsSuccess || conv.Value!.IsNull)
            {
                Diagnostics.Error("Invalid count argument", "The given \"count\" argument value is unsuitable: a number is required.", count.Range);
                return (ExpansionKind.Count, keys);
            }
            var n = conv.Value!.AsNumber();
            if (!n.IsInteger || n.Sign < 0 || n > HclNumber.FromLong(1_000_000))
            {
                Diagnostics.Error("Invalid count argument",
                    n.Sign < 0 ? "The given \"count\" argument value is unsuitable: must be greater than or equal to zero." : "The given \"count\" argument value is unsuitable: a whole number is required.",
                    count.Range);
                return (ExpansionKind.Count, keys);
            }
            n.TryToLong(out var total);
            for (long i = 0; i < total; i++)
                keys.Add((InstanceKey.Int(i), null));
            return (ExpansionKind.Count, keys);
        }
        if (forEach is not null)
        {
            var r = forEach.Evaluate(ctx);
            Diagnostics.AddRange(r.Diagnostics);
            if (r.HasErrors)
                return (ExpansionKind.ForEach, keys);
            var v = r.Value;
            if (v.IsMarked && v.IsSensitive)
            {
                Diagnostics.Error("Invalid for_each argument",
                    "Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments. If used, the sensitive value could be exposed as a resource instance key.",
                    forEach.Range);
                return (ExpansionKind.ForEach, keys);
            }
            v = v.Unmark().Value;
            if (v.IsNull)
            {
                Diagnostics.Error("Invalid for_each argument", "The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument value is null. A map, or set of strings is allowed.", forEach.Range);
                return (ExpansionKind.ForEach, keys);
            }
            if (!v.IsKnown || (v.Type.IsSet && !v.IsWhollyKnown))
            {
                Diagnostics.Error("Invalid for_each argument",
                    "The \"for_each\" map includes keys derived from resource attributes that cannot be determined until apply, and so Provisioner cannot determine the full set of keys that will identify the instances of this resource. When working with unknown values in for_each, it's better to define the map keys statically in your configuration and place apply-time results only in the map values.",
                    forEach.Range);
                return (ExpansionKind.ForEach, keys);
            }
            if (v.Type.IsMap || v.Type.IsObject)
            {
                foreach (var (k, ev) in v.Attributes)
                    keys.Add((InstanceKey.String(k), ev));
                return (ExpansionKind.ForEach, keys);
            }
            if (v.Type.IsSet && (v.Type.ElementType.IsString || v.Type.ElementType.IsDynamic))
            {
                foreach (var e in v.Elements)
                {
                    var ue = e.Unmark().Value;
                    if (ue.IsNull || !ue.Type.IsString)
                    {
                        Diagnostics.Error("Invalid for_each set argument", "The given \"for_each\" argument value is unsuitable: \"for_each\" sets must not contain null values.", forEach.Range);
                        return (ExpansionKind.ForEach, []);
                    }
                    keys.Add((InstanceKey.String(ue.AsString()), ue));
                }
                return (ExpansionKind.ForEach, keys);
            }
            Diagnostics.Error("Invalid for_each argument",
                v.Type.IsSet
                    ? $"The given \"for_each\" argument value is unsuitable: \"for_each\" supports sets of strings, but you have provided a set containing type {v.Type.ElementType.FriendlyName}."
                    : $"The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type {v.Type.FriendlyName}.",
                forEach.Range);
            return (ExpansionKind.ForEach, keys);
        }
        keys.Add((InstanceKey.None, null));
        return (ExpansionKind.Single, keys);
    }
}
