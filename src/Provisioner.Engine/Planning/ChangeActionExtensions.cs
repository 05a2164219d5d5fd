namespace Provisioner.Engine.Planning;

public static class ChangeActionExtensions
{
    /// <summary>The symbol plans print in front of an address: <c>+ ~ - -/+ +/- &lt;=</c>.</summary>
    public static string Symbol(this ChangeAction action) => action switch
    {
        ChangeAction.Create => "+",
        ChangeAction.Read => "<=",
        ChangeAction.Update => "~",
        ChangeAction.DeleteThenCreate => "-/+",
        ChangeAction.CreateThenDelete => "+/-",
        ChangeAction.Delete => "-",
        ChangeAction.Forget => ".",
        _ => " ",
    };

    /// <summary>The <c>actions</c> array of the plan JSON (<c>["delete","create"]</c> for a replace).</summary>
    public static IReadOnlyList<string> JsonActions(this ChangeAction action) => action switch
    {
        ChangeAction.Create => ["create"],
        ChangeAction.Read => ["read"],
        ChangeAction.Update => ["update"],
        ChangeAction.DeleteThenCreate => ["delete", "create"],
        ChangeAction.CreateThenDelete => ["create", "delete"],
        ChangeAction.Delete => ["delete"],
        ChangeAction.Forget => ["forget"],
        _ => ["no-op"],
    };

    public static bool IsReplace(this ChangeAction action) => action is ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete;

    /// <summary>True for actions that call a provider to change the world.</summary>
    public static bool IsMutating(this ChangeAction action) =>
        action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Delete or ChangeAction.DeleteThenCreate or ChangeAction.CreateThenDelete;
}
