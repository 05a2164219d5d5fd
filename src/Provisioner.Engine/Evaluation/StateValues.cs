using Provisioner.Hcl.Values;
using Provisioner.State;

namespace Provisioner.Engine.Evaluation;

/// <summary>
/// Converts recorded objects (<see cref="InstanceState.AttributesJson"/> plus sensitive paths) to values of a
/// resource type's implied type and back. Marks never reach the JSON: sensitive paths are stored beside it.
/// </summary>
internal static class StateValues
{
    /// <summary>Decodes an instance's attributes; an error names what is wrong (a state written by a different schema).</summary>
    public static HclResult Decode(InstanceState instance, HclType type)
    {
        var r = HclJson.FromJson(instance.AttributesJson, type);
        if (!r.IsSuccess || instance.SensitivePaths.Count == 0)
            return r;
        var marks = new List<(HclPath?, HclMarks)>(instance.SensitivePaths.Count);
        foreach (var p in instance.SensitivePaths)
        {
            if (HclJson.TryPathFromJson(p, out var path, out _))
                marks.Add((path, HclMarks.SensitiveOnly));
        }
        return HclResult.Ok(r.Value!.MarkWithPaths(marks));
    }

    /// <summary>Writes a wholly known value into <paramref name="instance"/> (attributes JSON and sensitive paths).</summary>
    public static void Encode(HclValue value, InstanceState instance, HclType? schemaType = null)
    {
        var (plain, pathMarks) = value.UnmarkDeepWithPaths();
        instance.AttributesJson = schemaType is not null && HclJson.TryToJson(plain, schemaType, out var typed, out _) ? typed : HclJson.ToJson(plain);
        instance.SensitivePaths.Clear();
        foreach (var (path, marks) in pathMarks)
        {
            if (marks.Contains(HclMarks.Sensitive))
                instance.SensitivePaths.Add(HclJson.PathToJson(path));
        }
    }
}
