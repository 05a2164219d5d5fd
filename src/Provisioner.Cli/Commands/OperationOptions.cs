using System.CommandLine;
using System.CommandLine.Parsing;
using Provisioner.Config;

namespace Provisioner.Cli.Commands;

/// <summary>Declares the flags shared by <c>plan</c>, <c>apply</c> and <c>destroy</c> and reads them back in order.</summary>
internal sealed class OperationOptions
{
    public Option<string[]> Var { get; } = new("-var", "--var")
    {
        Description = "Set a value for one of the input variables in the root module (NAME=VALUE). Use this option more than once to set more than one variable.",
        HelpName = "NAME=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> VarFile { get; } = new("-var-file", "--var-file")
    {
        Description = "Load variable values from the given file, in addition to the default files provisioner.vars.hcl and *.auto.vars.hcl.",
        HelpName = "FILE",
    };

    public Option<string[]> Target { get; } = new("-target", "--target")
    {
        Description = "Limit the operation to the given resource or module instance and everything it depends on. Use more than once for several targets.",
        HelpName = "ADDRESS",
    };

    public Option<string[]> Replace { get; } = new("-replace", "--replace")
    {
        Description = "Force replacement of the given resource instance. Use more than once for several instances.",
        HelpName = "ADDRESS",
    };

    public Option<bool> Refresh { get; } = new("-refresh", "--refresh")
    {
        Description = "Check the real objects for changes made outside Provisioner first (-refresh=false skips it).",
        DefaultValueFactory = _ => true,
    };

    public Option<bool> RefreshOnly { get; } = new("-refresh-only", "--refresh-only")
    {
        Description = "Only update the state to match objects changed outside Provisioner; change nothing.",
    };

    public Option<int> Parallelism { get; } = new("-parallelism", "--parallelism")
    {
        Description = "Limit the number of concurrent operations.",
        DefaultValueFactory = _ => 10,
        HelpName = "N",
    };

    public Option<bool> Input { get; } = new("-input", "--input")
    {
        Description = "Ask for input (approval) when needed (-input=false never asks).",
        DefaultValueFactory = _ => true,
    };

    public Option<bool> Json { get; } = new("-json", "--json")
    {
        Description = "Machine-readable output: one JSON event per line.",
    };

    public Option<string?> State { get; } = StateFileAccess.CreateStateOption();

    public Option<bool> Lock { get; } = new("-lock", "--lock")
    {
        Description = "Lock the state while the command runs (-lock=false: do not; dangerous if others use this state).",
        DefaultValueFactory = _ => true,
    };

    public Option<string> LockTimeout { get; } = new("-lock-timeout", "--lock-timeout")
    {
        Description = "How long to wait for a lock held by another command (e.g. 30s, 5m; default 0s: fail at once).",
        DefaultValueFactory = _ => "0s",
        HelpName = "DURATION",
    };

    public void AddTo(Command cmd, bool destroyFlag)
    {
        cmd.Options.Add(Var);
        cmd.Options.Add(VarFile);
        cmd.Options.Add(Target);
        cmd.Options.Add(Replace);
        cmd.Options.Add(Refresh);
        cmd.Options.Add(RefreshOnly);
        cmd.Options.Add(Parallelism);
        cmd.Options.Add(Input);
        cmd.Options.Add(Json);
        cmd.Options.Add(State);
        cmd.Options.Add(Lock);
        cmd.Options.Add(LockTimeout);
        if (destroyFlag)
            cmd.Options.Add(DestroyOption);
    }

    public Option<bool> DestroyOption { get; } = new("-destroy", "--destroy")
    {
        Description = "Plan to destroy every object this configuration manages.",
    };

    public OperationSettings Read(ParseResult r, bool destroy)
    {
        // -var and -var-file keep their command-line order (later ones win), so read the tokens in order.
        var args = new List<VariableArg>();
        foreach (var child in r.CommandResult.Children)
        {
            if (child is not OptionResult o)
                continue;
            if (o.Option == Var)
            {
                foreach (var t in o.Tokens)
                    args.Add(VariableArg.Var(t.Value));
            }
            else if (o.Option == VarFile)
            {
                foreach (var t in o.Tokens)
                    args.Add(VariableArg.File(t.Value));
            }
        }
        if (args.Count > 1)
            args = OrderByPosition(r, args);
        return new OperationSettings(
            args,
            r.GetValue(Target) ?? [],
            r.GetValue(Replace) ?? [],
            r.GetValue(Refresh),
            r.GetValue(RefreshOnly),
            destroy || (r.CommandResult.Command.Options.Contains(DestroyOption) && r.GetValue(DestroyOption)),
            r.GetValue(Parallelism),
            r.GetValue(Input),
            r.GetValue(Json),
            r.GetValue(State),
            r.CommandResult.Command.Options.Contains(Lock) ? r.GetValue(Lock) : true,
            r.CommandResult.Command.Options.Contains(LockTimeout) ? Durations.ParseOrZero(r.GetValue(LockTimeout)) : TimeSpan.Zero);
    }

    /// <summary>Orders -var / -var-file by where they appeared (System.CommandLine groups tokens by option).</summary>
    private static List<VariableArg> OrderByPosition(ParseResult r, List<VariableArg> args)
    {
        var tokens = r.Tokens.Select(t => t.Value).ToList();
        var ordered = new List<VariableArg>();
        var used = new bool[args.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var tok = tokens[i];
            var kind = tok is "-var" or "--var" ? VariableArgKind.Var : tok is "-var-file" or "--var-file" ? VariableArgKind.VarFile : (VariableArgKind?)null;
            if (kind is null || i + 1 >= tokens.Count)
                continue;
            var value = tokens[i + 1];
            for (var j = 0; j < args.Count; j++)
            {
                if (!used[j] && args[j].Kind == kind && args[j].Text == value)
                {
                    used[j] = true;
                    ordered.Add(args[j]);
                    break;
                }
            }
        }
        for (var j = 0; j < args.Count; j++)
        {
            if (!used[j])
                ordered.Add(args[j]);
        }
        return ordered;
    }
}
