using Provisioner.Config.Decoding;
using Provisioner.Config.Validation;
using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Evaluation;
using Provisioner.Hcl.Json;
using Provisioner.Hcl.Syntax;

namespace Provisioner.Config;

/// <summary>Loads configuration directories into <see cref="ModuleConfig"/>s and module trees, with static validation.</summary>
public sealed class ConfigLoader
{
    private readonly string _displayRoot;

    public ConfigLoader(ConfigLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _displayRoot = Path.GetFullPath(options.DisplayRoot);
        Sources = options.Sources ?? new SourceFiles();
    }

    /// <summary>A loader whose diagnostics name files relative to <paramref name="displayRoot"/>.</summary>
    public ConfigLoader(string displayRoot)
        : this(new ConfigLoaderOptions(displayRoot))
    {
    }

    /// <summary>The bytes of every file read, keyed by the display name used in diagnostics.</summary>
    public SourceFiles Sources { get; }

    /// <summary>The display name of a file: relative to the display root, with forward slashes.</summary>
    public string DisplayName(string fullPath)
    {
        var rel = Path.GetRelativePath(_displayRoot, fullPath);
        return rel.Replace('\\', '/');
    }

    /// <summary>True for a configuration file name (<c>*.hcl</c>, <c>*.hcl.json</c>), false for variable files.</summary>
    public static bool IsConfigFile(string fileName) =>
        (fileName.EndsWith(".hcl", StringComparison.Ordinal) || fileName.EndsWith(".hcl.json", StringComparison.Ordinal)) &&
        !fileName.EndsWith(".vars.hcl", StringComparison.Ordinal) &&
        !fileName.EndsWith(".vars.hcl.json", StringComparison.Ordinal) &&
        !fileName.StartsWith('.');

    /// <summary>Loads one module directory: parse, decode, validate. The module is null only when the directory can't be read.</summary>
    public (ModuleConfig? Module, DiagnosticList Diagnostics) LoadModule(string directory, CancellationToken cancellationToken = default)
    {
        var (module, diags, _) = LoadModule(directory, "the root module", cancellationToken);
        return (module, diags);
    }

    private (ModuleConfig? Module, DiagnosticList Diagnostics, IReadOnlyList<Traversal> ModuleRefs) LoadModule(
        string directory, string where, CancellationToken cancellationToken)
    {
        var diags = new DiagnosticList();
        var dir = Path.GetFullPath(directory);
        string[] paths;
        try
        {
            paths = Directory.GetFiles(dir)
                .Where(p => IsConfigFile(Path.GetFileName(p)))
                .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Error("Failed to read module directory",
                $"Module directory {DisplayName(dir)} does not exist or cannot be read: {e.Message}");
            return (null, diags, []);
        }

        var decoder = new ModuleDecoder(diags);
        var files = new List<string>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = DisplayName(path);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diags.Error("Failed to read file", $"The configuration file \"{name}\" could not be read: {e.Message}");
                continue;
            }
            Sources.Add(name, bytes);
            files.Add(name);
            var body = Parse(bytes, name, diags);
            if (body is not null)
                decoder.AddFile(body);
        }

        var module = decoder.Build(dir, files);
        IReadOnlyList<Traversal> refs = [];
        if (!diags.HasErrors)
            refs = ModuleValidator.Validate(module, where, diags);
        return (module, diags, refs);
    }

    internal static IHclBody? Parse(byte[] bytes, string name, DiagnosticList diags)
    {
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            var parsed = HclJsonSyntax.Parse(bytes, name);
            diags.AddRange(parsed.Diagnostics);
            return parsed.HasErrors ? null : parsed.File.Body;
        }
        var native = HclSyntax.ParseConfig(bytes, name);
        diags.AddRange(native.Diagnostics);
        return native.HasErrors ? null : NativeBody.FromFile(native.Root);
    }

    /// <summary>Loads the root module and, recursively, every module it calls through a local <c>source</c> path.</summary>
    public (ModuleNode? Root, DiagnosticList Diagnostics) LoadTree(string rootDirectory, CancellationToken cancellationToken = default)
    {
        var diags = new DiagnosticList();
        var cache = new Dictionary<string, (ModuleConfig? Module, DiagnosticList Diagnostics, IReadOnlyList<Traversal> ModuleRefs)>(StringComparer.Ordinal);
        var root = LoadNode(Path.GetFullPath(rootDirectory), [], null, [], cache, diags, cancellationToken);
        // A module called from several places reports a problem in its own files once.
        var seen = new HashSet<(DiagnosticSeverity, string, SourceRange?)>();
        var unique = new DiagnosticList(diags.Where(d => seen.Add((d.Severity, d.Summary, d.Subject))));
        return (root, unique);
    }

    private ModuleNode? LoadNode(string dir, IReadOnlyList<string> path, ModuleCall? call, List<string> stack,
        Dictionary<string, (ModuleConfig? Module, DiagnosticList Diagnostics, IReadOnlyList<Traversal> ModuleRefs)> cache, DiagnosticList diags, CancellationToken ct)
    {
        var where = path.Count == 0 ? "the root module" : string.Join('.', path.Select(p => "module." + p));
        // Two calls of the same directory share one load, so its diagnostics are reported once.
        if (!cache.TryGetValue(dir, out var loaded))
        {
            loaded = LoadModule(dir, where, ct);
            cache[dir] = loaded;
            diags.AddRange(loaded.Diagnostics);
        }
        var (module, d, moduleRefs) = loaded;
        if (module is null)
            return null;
        if (!d.HasErrors)
            ModuleValidator.ValidateProviderReferences(module, call, where, diags);
        var children = new SortedDictionary<string, ModuleNode>(StringComparer.Ordinal);
        stack.Add(dir);
        foreach (var c in module.ModuleCalls.Values)
        {
            if (!c.IsLocalSource)
            {
                diags.Error("Unsupported module source",
                    $"The module source \"{c.Source}\" is not a local path. Only local paths starting with \"./\" or \"../\" are supported for now.",
                    c.SourceRange);
                continue;
            }
            var childDir = Path.GetFullPath(Path.Combine(dir, c.Source));
            var childPath = path.Append(c.Name).ToArray();
            var at = stack.IndexOf(childDir);
            if (at >= 0)
            {
                var chain = new List<string>();
                for (var i = at; i <= path.Count; i++)
                    chain.Add(i == 0 ? "root module" : string.Join('.', path.Take(i).Select(p => "module." + p)));
                chain.Add(string.Join('.', childPath.Select(p => "module." + p)));
                diags.Error("Module cycle",
                    $"The module call \"{c.Name}\" loads \"{DisplayName(childDir)}\" again, which is already being loaded: " +
                    string.Join(" -> ", chain) + ".",
                    c.SourceRange);
                continue;
            }
            if (!Directory.Exists(childDir))
            {
                diags.Error("Unreadable module directory",
                    $"The module directory \"{DisplayName(childDir)}\" for module \"{c.Name}\" does not exist or cannot be read.",
                    c.SourceRange);
                continue;
            }
            var child = LoadNode(childDir, childPath, c, stack, cache, diags, ct);
            if (child is null)
                continue;
            ModuleValidator.ValidateCall(c, child.Config, diags);
            children[c.Name] = child;
        }
        stack.RemoveAt(stack.Count - 1);
        ModuleValidator.ValidateOutputReferences(moduleRefs, children, diags);
        return new ModuleNode(path, module, call, children);
    }
}
