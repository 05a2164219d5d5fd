using System.Text;

namespace Provisioner.Engine.Planning;

public static class ActionReasonExtensions
{
    /// <summary><c>replace_because_cannot_update</c>: the plan JSON spelling.</summary>
    public static string JsonName(this ActionReason reason)
    {
        if (reason == ActionReason.None)
            return "";
        var name = reason.ToString();
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
