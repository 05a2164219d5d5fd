using Provisioner.Engine.Planning;

namespace Provisioner.Cli.Views;

/// <summary>The ANSI styling of plans: green <c>+</c>, yellow <c>~</c>, red <c>-</c>, cyan <c>&lt;=</c>, bold headers.</summary>
internal static class PlanColors
{
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Red = "\u001b[31m";
    public const string Cyan = "\u001b[36m";
    public const string Bold = "\u001b[1m";
    public const string Reset = "\u001b[0m";

    public static string Paint(string text, string style, bool color) => color && text.Length > 0 ? style + text + Reset : text;

    /// <summary>The action symbol right-aligned in three columns (<c>"  +"</c>, <c>"-/+"</c>, <c>"   "</c> for no-op), coloured.</summary>
    public static string Symbol(ChangeAction action, bool color)
    {
        var plain = action == ChangeAction.NoOp ? "" : action.Symbol();
        var pad = new string(' ', 3 - plain.Length);
        if (!color)
            return pad + plain;
        var painted = action switch
        {
            ChangeAction.Create => Paint("+", Green, true),
            ChangeAction.Update => Paint("~", Yellow, true),
            ChangeAction.Delete or ChangeAction.Forget => Paint(plain, Red, true),
            ChangeAction.DeleteThenCreate => Paint("-", Red, true) + "/" + Paint("+", Green, true),
            ChangeAction.CreateThenDelete => Paint("+", Green, true) + "/" + Paint("-", Red, true),
            ChangeAction.Read => Paint("<=", Cyan, true),
            _ => "",
        };
        return pad + painted;
    }
}
