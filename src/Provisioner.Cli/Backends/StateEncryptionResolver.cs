using Provisioner.Config;
using Provisioner.Hcl.Diagnostics;
using Provisioner.State.Backends;
using Provisioner.State.Encryption;

namespace Provisioner.Cli.Backends;

/// <summary>
/// Turns the configuration's <c>encryption { }</c> block and the environment into the cipher every state access uses
/// (<see cref="StateStore"/>): the keys are read from the environment variables the block names. Diagnostics point at
/// the block (or at the argument naming the variable) and name the variable, never its value.
/// </summary>
internal static class StateEncryptionResolver
{
    /// <summary>
    /// The cipher for <paramref name="config"/> (null, without diagnostics, when there is no encryption block), or
    /// null and errors when a variable is missing or holds an unusable key.
    /// </summary>
    internal static (IStateCipher? Cipher, DiagnosticList Diagnostics) Resolve(EncryptionConfig? config, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var diags = new DiagnosticList();
        if (config is null)
            return (null, diags);
        var primary = config.Primary is { } p ? Key(p, "", environment, diags) : null;
        var fallback = config.Fallback is { } f ? Key(f, "fallback ", environment, diags) : null;
        if (diags.HasErrors || (primary is null && fallback is null))
            return (null, diags);
        return (new StateEncryption(new StateEncryptionSettings(primary, fallback, config.AllowUnencrypted)), diags);
    }

    private static StateKey? Key(EncryptionKeyConfig key, string role, IReadOnlyDictionary<string, string> environment, DiagnosticList diags)
    {
        var passphrase = key.Provider == EncryptionKeyProvider.Pbkdf2;
        var what = passphrase ? "passphrase" : "key";
        var source = $"{role}{what} in environment variable {key.Variable}";
        if (!environment.TryGetValue(key.Variable, out var value) || value.Length == 0)
        {
            diags.Error($"Missing state encryption {role}{what}",
                $"The state is configured to be encrypted, but the environment variable {key.Variable} that holds the {role}{what} " +
                (passphrase
                    ? $"is not set. Set it to a passphrase of at least {PassphraseStateKey.MinimumLength} characters."
                    : $"is not set. Set it to the base64 of {RawStateKey.Length} random bytes (e.g. `openssl rand -base64 {RawStateKey.Length}`)."),
                key.VariableRange, key.DeclRange);
            return null;
        }
        StateKey? result;
        string? error;
        if (passphrase)
            (result, error) = PassphraseStateKey.Create(value, source, key.Iterations ?? PassphraseStateKey.DefaultIterations);
        else
            (result, error) = RawStateKey.FromBase64(value, source);
        if (result is null)
            diags.Error($"Invalid state encryption {role}{what}", error ?? "", key.VariableRange, key.DeclRange);
        return result;
    }
}
