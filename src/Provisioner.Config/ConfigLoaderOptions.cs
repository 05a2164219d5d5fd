using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Config;

/// <summary>Loader options.</summary>
/// <param name="DisplayRoot">Diagnostic file names are made relative to this directory (the CLI's working directory).</param>
/// <param name="Sources">Where read files are registered for rendering diagnostics; a new one when null.</param>
public sealed record ConfigLoaderOptions(string DisplayRoot, SourceFiles? Sources = null);
