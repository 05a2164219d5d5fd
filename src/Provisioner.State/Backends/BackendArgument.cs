namespace Provisioner.State.Backends;

/// <summary>One argument a backend accepts in its block.</summary>
/// <param name="Name">The argument name, e.g. <c>conn_str</c>.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">One line for diagnostics and docs.</param>
/// <param name="Required">Whether it must be set (after environment defaults were applied by the factory).</param>
/// <param name="Sensitive">Never shown in output or logs (e.g. a connection string with a password).</param>
public sealed record BackendArgument(string Name, BackendArgumentType Type, string Description, bool Required = false, bool Sensitive = false);
