using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioner.State;

namespace Provisioner.Cli.Views;

/// <summary>
/// <c>show -json</c> without a plan file: the state in Terraform's <c>values</c> representation
/// (<c>values.outputs</c>, <c>values.root_module.resources[]</c> and <c>child_modules[]</c>). Sensitive values are
/// never printed: they are replaced by null and flagged in <c>sensitive_values</c>.
/// </summary>
internal static class StateJsonView
{
    public static string Render(StateSnapshot? state, string version)
    {
        var root = new JsonObject { ["format_version"] = "1.0", ["provisioner_version"] = version };
        if (state is null)
            return root.ToJsonString();
        var values = new JsonObject();
        var outputs = new JsonObject();
        foreach (var (name, o) in state.Outputs)
        {
            outputs[name] = new JsonObject
            {
                ["sensitive"] = o.Sensitive,
                ["value"] = o.Sensitive ? null : JsonNode.Parse(o.ValueJson),
                ["type"] = JsonNode.Parse(o.TypeJson),
            };
        }
        values["outputs"] = outputs;
        var modules = new SortedDictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var r in state.Resources)
        {
            if (!modules.TryGetValue(r.Module, out var list))
                modules[r.Module] = list = [];
            foreach (var i in r.Instances)
            {
                if (i.Deposed is not null)
                    continue;
                var attrs = JsonNode.Parse(i.AttributesJson) ?? new JsonObject();
                var sensitive = new JsonObject();
                foreach (var p in i.SensitivePaths)
                    Redact(attrs, sensitive, p);
                var res = new JsonObject
                {
                    ["address"] = r.Address + i.KeyString,
                    ["mode"] = r.Mode,
                    ["type"] = r.Type,
                    ["name"] = r.Name,
                    ["provider_name"] = r.Provider,
                    ["schema_version"] = i.SchemaVersion,
                    ["values"] = attrs,
                    ["sensitive_values"] = sensitive,
                };
                if (i.Key is long n)
                    res["index"] = n;
                else if (i.Key is string s)
                    res["index"] = s;
                if (i.Status == InstanceStatus.Tainted)
                    res["tainted"] = true;
                list.Add(res);
            }
        }
        var rootModule = new JsonObject { ["resources"] = modules.TryGetValue("", out var rootList) ? rootList : new JsonArray() };
        var children = new JsonArray();
        foreach (var (module, list) in modules)
        {
            if (module.Length > 0)
                children.Add(new JsonObject { ["address"] = module, ["resources"] = list });
        }
        if (children.Count > 0)
            rootModule["child_modules"] = children;
        values["root_module"] = rootModule;
        root["values"] = values;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>Replaces the value at a cty JSON path with null and records <c>true</c> at the same path of <paramref name="flags"/>.</summary>
    private static void Redact(JsonNode attrs, JsonObject flags, string pathJson)
    {
        if (JsonNode.Parse(pathJson) is not JsonArray steps || steps.Count == 0)
            return;
        JsonNode? node = attrs;
        JsonNode flag = flags;
        for (var k = 0; k < steps.Count; k++)
        {
            var step = steps[k]!;
            var last = k == steps.Count - 1;
            var v = step["value"]!;
            if ((string?)step["type"] == "get_attr" || v is JsonObject { } o && (string?)o["type"] == "string")
            {
                var key = v is JsonObject ko ? (string)ko["value"]! : (string)v!;
                if (node is not JsonObject obj || !obj.ContainsKey(key))
                    return;
                if (last)
                {
                    obj[key] = null;
                    ((JsonObject)flag)[key] = true;
                    return;
                }
                node = obj[key];
                var next = ((JsonObject)flag)[key] as JsonObject ?? new JsonObject();
                ((JsonObject)flag)[key] = next;
                flag = next;
            }
            else
            {
                var index = (int)(long)v["value"]!;
                if (node is not JsonArray arr || index >= arr.Count)
                    return;
                if (last)
                {
                    arr[index] = null;
                    return;
                }
                node = arr[index];
            }
        }
    }
}
