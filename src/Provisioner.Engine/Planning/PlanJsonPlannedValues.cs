using System.Text.Json;
using Provisioner.Engine.Addresses;
using Provisioner.Hcl.Values;

namespace Provisioner.Engine.Planning;

/// <summary>
/// The JSON plan's <c>planned_values</c>: the outputs and resource instances as they will be after apply (deleted
/// and forgotten instances left out), nested by module like Terraform's <c>root_module</c> / <c>child_modules</c>.
/// Unknown values are left out of <c>values</c>; sensitive ones are null there and <c>true</c> in <c>sensitive_values</c>.
/// </summary>
internal static class PlanJsonPlannedValues
{
    public static void Write(Utf8JsonWriter w, Plan plan)
    {
        w.WriteStartObject("planned_values");
        w.WriteStartObject("outputs");
        foreach (var o in plan.OutputChanges.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            if (o.Action is ChangeAction.Delete)
                continue;
            var sensitive = o.Sensitive || o.After.DeepMarks().Contains(HclMarks.Sensitive);
            w.WriteStartObject(o.Name);
            w.WriteBoolean("sensitive", sensitive);
            if (!sensitive && o.After.IsWhollyKnown)
            {
                w.WritePropertyName("value");
                PlanJsonValues.WriteValue(w, o.After);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();

        var instances = plan.Changes
            .Where(c => c.Deposed is null && c.Action is not (ChangeAction.Delete or ChangeAction.Forget))
            .OrderBy(c => c.Address.ToString(), StringComparer.Ordinal)
            .ToList();
        w.WriteStartObject("root_module");
        WriteModule(w, ModuleInstance.Root, instances);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteModule(Utf8JsonWriter w, ModuleInstance module, IReadOnlyList<ResourceInstanceChange> all)
    {
        var depth = module.Steps.Count;
        var inside = all.Where(c => IsWithin(c.Address.Resource.Module, module)).ToList();
        var own = inside.Where(c => c.Address.Resource.Module.Steps.Count == depth).ToList();
        if (own.Count > 0)
        {
            w.WriteStartArray("resources");
            foreach (var c in own)
                WriteResource(w, c);
            w.WriteEndArray();
        }
        var children = inside
            .Where(c => c.Address.Resource.Module.Steps.Count > depth)
            .Select(c => new ModuleInstance(c.Address.Resource.Module.Steps.Take(depth + 1).ToArray()))
            .Distinct()
            .OrderBy(m => m.ToString(), StringComparer.Ordinal)
            .ToList();
        if (children.Count > 0)
        {
            w.WriteStartArray("child_modules");
            foreach (var child in children)
            {
                w.WriteStartObject();
                w.WriteString("address", child.ToString());
                WriteModule(w, child, inside);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    }

    private static bool IsWithin(ModuleInstance module, ModuleInstance ancestor) =>
        module.Steps.Count >= ancestor.Steps.Count && module.Steps.Take(ancestor.Steps.Count).SequenceEqual(ancestor.Steps);

    private static void WriteResource(Utf8JsonWriter w, ResourceInstanceChange c)
    {
        w.WriteStartObject();
        PlanJsonValues.WriteResourceIdentity(w, c, withModule: false);
        w.WriteString("provider_name", c.Provider);
        w.WritePropertyName("values");
        if (c.After.IsKnown && !c.After.IsNull)
            PlanJsonValues.WriteValue(w, c.After);
        else
            w.WriteNullValue();
        w.WritePropertyName("sensitive_values");
        PlanJsonValues.WriteSensitiveMask(w, c.After);
        w.WriteEndObject();
    }
}
