namespace Provisioner.State.Backends;

/// <summary>Who asks for a lock and why: the fields of the <see cref="Locking.LockInfo"/> the backend records.</summary>
/// <param name="Operation">The command, e.g. <c>apply</c>.</param>
/// <param name="Who"><c>user@host</c>.</param>
/// <param name="Version">The Provisioner version.</param>
/// <param name="Pid">The process ID of the holder.</param>
public sealed record LockRequest(string Operation, string Who, string Version, int Pid)
{
    /// <summary>A request for the current process.</summary>
    public static LockRequest ForCurrentProcess(string operation, string version) =>
        new(operation, $"{Environment.UserName}@{Environment.MachineName}", version, Environment.ProcessId);
}
