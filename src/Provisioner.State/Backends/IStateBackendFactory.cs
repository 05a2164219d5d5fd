namespace Provisioner.State.Backends;

/// <summary>
/// Creates a backend of one type from its block's arguments. Creating connects to nothing: the first operation
/// does, and throws <see cref="StateBackendException"/> when the backend cannot be reached.
/// </summary>
public interface IStateBackendFactory
{
    /// <summary>The type name used in <c>backend "TYPE"</c>.</summary>
    string Type { get; }

    /// <summary>The arguments the block accepts; any other is an error at its source position.</summary>
    IReadOnlyList<BackendArgument> Arguments { get; }

    /// <summary>Validates the settings (types were checked by the caller) and creates the backend.</summary>
    BackendCreateResult Create(BackendSettings settings, TimeProvider time);
}
