using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>The <c>provisioner { required_version, backend "NAME" { }, encryption { } }</c> settings block(s) of a module, merged.</summary>
public sealed record ModuleSettings(
    string? RequiredVersion,
    SourceRange? RequiredVersionRange,
    BackendConfig? Backend,
    EncryptionConfig? Encryption = null);
