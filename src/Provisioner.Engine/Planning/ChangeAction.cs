namespace Provisioner.Engine.Planning;

/// <summary>What a plan does to one resource instance (Terraform's actions).</summary>
public enum ChangeAction
{
    NoOp,
    Create,
    Read,
    Update,

    /// <summary>Replace: destroy the old object, then create the new one (the default).</summary>
    DeleteThenCreate,

    /// <summary>Replace under <c>create_before_destroy</c>: create the new object first.</summary>
    CreateThenDelete,
    Delete,

    /// <summary>Drop from state without destroying (a <c>removed</c> block with <c>destroy = false</c>).</summary>
    Forget,
}
