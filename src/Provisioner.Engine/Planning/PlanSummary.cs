namespace Provisioner.Engine.Planning;

/// <summary>The counts on the plan's summary line: <c>Plan: 3 to add, 1 to change, 0 to destroy.</c></summary>
public readonly record struct PlanSummary(int Add, int Change, int Destroy)
{
    public static PlanSummary Of(IEnumerable<ResourceInstanceChange> changes)
    {
        int add = 0, change = 0, destroy = 0;
        foreach (var c in changes)
        {
            switch (c.Action)
            {
                case ChangeAction.Create:
                    add++;
                    break;
                case ChangeAction.Update:
                    change++;
                    break;
                case ChangeAction.Delete:
                    destroy++;
                    break;
                case ChangeAction.DeleteThenCreate:
                case ChangeAction.CreateThenDelete:
                    add++;
                    destroy++;
                    break;
            }
        }
        return new PlanSummary(add, change, destroy);
    }

    public bool IsEmpty => Add == 0 && Change == 0 && Destroy == 0;

    public override string ToString() => $"Plan: {Add} to add, {Change} to change, {Destroy} to destroy.";
}
