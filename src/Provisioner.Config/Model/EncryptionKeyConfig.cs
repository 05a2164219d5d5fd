using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>One key of an <see cref="EncryptionConfig"/>: its kind and the environment variable that holds it.</summary>
/// <param name="Provider">A passphrase (PBKDF2) or a raw base64 key.</param>
/// <param name="Variable">The environment variable holding the passphrase (<c>passphrase_env</c>) or the key (<c>key_env</c>).</param>
/// <param name="Iterations">PBKDF2's iteration count (<c>iterations</c>); null for the default.</param>
/// <param name="DeclRange">The block that declares the key (<c>encryption</c> or <c>fallback</c>).</param>
/// <param name="VariableRange">The <c>passphrase_env</c>/<c>key_env</c> value, or <paramref name="DeclRange"/> when defaulted.</param>
public sealed record EncryptionKeyConfig(EncryptionKeyProvider Provider, string Variable, int? Iterations, SourceRange DeclRange, SourceRange VariableRange);
