namespace Provisioner.State.Backends;

/// <summary>
/// The decoded arguments of a backend block: name to value (<see cref="string"/>, <see cref="long"/>,
/// <see cref="bool"/> or a list of strings, as declared by <see cref="IStateBackendFactory.Arguments"/>), plus the
/// environment for arguments that default from it (e.g. <c>PROVISIONER_PG_CONN_STR</c>) and the working directory
/// for relative paths.
/// </summary>
public sealed record BackendSettings(
    IReadOnlyDictionary<string, object> Values,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    public string? String(string name) => Values.TryGetValue(name, out var v) ? v as string : null;

    public long? Number(string name) => Values.TryGetValue(name, out var v) && v is long n ? n : null;

    public bool? Bool(string name) => Values.TryGetValue(name, out var v) && v is bool b ? b : null;

    public IReadOnlyList<string>? StringList(string name) => Values.TryGetValue(name, out var v) ? v as IReadOnlyList<string> : null;
}
