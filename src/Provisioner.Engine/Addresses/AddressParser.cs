using System.Globalization;
using System.Text;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Engine.Addresses;

/// <summary>Parses addresses written by users (<c>module.a["x"].sim_machine.web[0]</c>) with precise diagnostics.</summary>
public static class AddressParser
{
    public static (ParsedAddress? Address, DiagnosticList Diagnostics) Parse(string text, string source = "<address>")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var (traversal, diags) = HclSyntax.ParseTraversalAbs(bytes, source, SourcePos.Start);
        if (traversal is null || diags.HasErrors)
        {
            if (!diags.HasErrors)
                diags.Error("Invalid address", $"\"{text}\" is not a valid resource or module address.");
            return (null, diags);
        }

        var steps = new List<(string? Name, TraverseIndex? Index, SourceRange Range)> { (traversal.RootName, null, traversal.Root.Range) };
        foreach (var s in traversal.Steps)
        {
            switch (s)
            {
                case TraverseAttr a:
                    steps.Add((a.Name, null, a.Range));
                    break;
                case TraverseIndex i:
                    steps.Add((null, i, i.Range));
                    break;
            }
        }

        var module = ModuleInstance.Root;
        var pos = 0;
        while (pos < steps.Count && steps[pos].Name == "module")
        {
            if (pos + 1 >= steps.Count || steps[pos + 1].Name is not { } moduleName)
                return Fail(diags, "Invalid address", "Prefix \"module.\" must be followed by a module name.", steps[pos].Range);
            pos += 2;
            var key = InstanceKey.None;
            if (pos < steps.Count && steps[pos].Index is { } idx)
            {
                if (!TryKey(idx, out key))
                    return Fail(diags, "Invalid address", "Only a number or a string is allowed as an instance key.", steps[pos].Range);
                pos++;
            }
            module = module.Child(moduleName, key);
        }
        if (pos == steps.Count)
            return (new ParsedAddress(module, null, InstanceKey.None, false), diags);

        var mode = ResourceMode.Managed;
        if (steps[pos].Name == "data")
        {
            mode = ResourceMode.Data;
            pos++;
        }
        if (pos + 1 >= steps.Count || steps[pos].Name is not { } type || steps[pos + 1].Name is not { } name)
        {
            var r = steps[Math.Min(pos, steps.Count - 1)].Range;
            return Fail(diags, "Invalid address", "A resource address must have a type and a name: TYPE.NAME.", r);
        }
        pos += 2;
        var resource = new ResourceAddress(module, mode, type, name);
        if (pos == steps.Count)
            return (new ParsedAddress(module, resource, InstanceKey.None, false), diags);
        if (steps[pos].Index is { } last && pos == steps.Count - 1)
        {
            if (!TryKey(last, out var key))
                return Fail(diags, "Invalid address", "Only a number or a string is allowed as an instance key.", steps[pos].Range);
            return (new ParsedAddress(module, resource, key, true), diags);
        }
        return Fail(diags, "Invalid address", "Unexpected extra operators after the resource address.", steps[pos].Range);
    }

    public static (ResourceInstanceAddress? Address, DiagnosticList Diagnostics) ParseInstance(string text, string source = "<address>")
    {
        var (parsed, diags) = Parse(text, source);
        if (parsed is null)
            return (null, diags);
        if (parsed.Resource is null)
        {
            diags.Error("Invalid address", $"\"{text}\" names a module; a resource instance address is required here.");
            return (null, diags);
        }
        return (parsed.Resource.Instance(parsed.Key), diags);
    }

    private static bool TryKey(TraverseIndex index, out InstanceKey key)
    {
        switch (index.KeyKind)
        {
            case IndexKeyKind.String:
                key = InstanceKey.String(index.KeyText);
                return true;
            case IndexKeyKind.Number when long.TryParse(index.KeyText, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                key = InstanceKey.Int(n);
                return true;
            default:
                key = InstanceKey.None;
                return false;
        }
    }

    private static (ParsedAddress?, DiagnosticList) Fail(DiagnosticList diags, string summary, string detail, SourceRange range)
    {
        diags.Error(summary, detail, range);
        return (null, diags);
    }
}
