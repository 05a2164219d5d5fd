namespace Provisioner.Hcl.Functions;

/// <summary>What the standard library needs from its environment.</summary>
/// <param name="BaseDirectory">Directory that relative paths in filesystem functions (<c>file</c>, <c>fileset</c>,
/// <c>templatefile</c>, ...) are resolved against: the module's directory.</param>
/// <param name="Time">Clock for <c>timestamp</c> and <c>plantimestamp</c>; tests inject a fake.</param>
public sealed record StandardLibraryOptions(string BaseDirectory, TimeProvider Time)
{
    /// <summary>When true, impure functions (<c>timestamp</c>, <c>uuid</c>, <c>bcrypt</c>) return unknown values,
    /// as during validation.</summary>
    public bool PureOnly { get; init; }

    public static StandardLibraryOptions Default { get; } = new(Directory.GetCurrentDirectory(), TimeProvider.System);
}
