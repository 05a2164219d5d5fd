using System.Text;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>Path helpers with Go's <c>path/filepath</c> semantics, and Terraform's file reading rules.</summary>
internal static class FilesystemSupport
{
    private const string NoFileHint =
        "; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource";

    /// <summary>
    /// A function over one string argument that needs its marks (to redact messages): marks are removed before
    /// <paramref name="impl"/> runs and added to its result; an unknown argument gives an unknown result that keeps them.
    /// </summary>
    public static HclFunction MarkedStringFunction(string name, string paramName, HclType returnType,
        Func<string, HclMarks, FunctionResult> impl, string description) => new(
        name,
        [new FunctionParameter(paramName, HclType.String) { AllowMarked = true, AllowUnknown = true }],
        null,
        HclFunction.Returns(returnType),
        (args, rt) =>
        {
            var (v, marks) = args[0].UnmarkDeep();
            if (!v.IsKnown)
            {
                return HclValue.UnknownOf(rt).WithMarks(marks);
            }

            var r = impl(v.AsString(), marks);
            return r.IsSuccess ? FunctionResult.Ok(r.Value.WithMarks(marks)) : r;
        },
        description);

    /// <summary>The user's home directory, as <c>go-homedir</c> finds it.</summary>
    public static string HomeDirectory()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return home;
    }

    /// <summary><c>homedir.Expand</c>: a leading <c>~</c> becomes the home directory; <c>~user</c> is refused.</summary>
    public static bool TryExpandHome(string path, out string expanded, out string? error)
    {
        error = null;
        expanded = path;
        if (path.Length == 0 || path[0] != '~')
        {
            return true;
        }

        if (path.Length > 1 && path[1] != '/' && path[1] != '\\')
        {
            error = "cannot expand user-specific home dir";
            return false;
        }

        expanded = Join(HomeDirectory(), path[1..]);
        return true;
    }

    public static bool IsAbs(string path) => Path.IsPathRooted(path) && (Path.DirectorySeparatorChar == '/' ? path.StartsWith('/') : Path.IsPathFullyQualified(path));

    /// <summary><c>filepath.Join</c>: joins non-empty elements and cleans the result.</summary>
    public static string Join(params string[] parts)
    {
        var nonEmpty = parts.Where(p => p.Length > 0).ToArray();
        return nonEmpty.Length == 0 ? "" : Clean(string.Join('/', nonEmpty));
    }

    /// <summary>The path a filesystem function uses: <c>~</c> expanded, joined to the base directory, cleaned.</summary>
    public static bool TryResolve(string baseDir, string path, out string resolved, out string? error)
    {
        if (!TryExpandHome(path, out var expanded, out error))
        {
            error = "failed to expand ~: " + error;
            resolved = path;
            return false;
        }

        resolved = IsAbs(expanded) ? Clean(expanded) : Join(baseDir, expanded);
        return true;
    }

    /// <summary>Terraform's <c>openFile</c> and a full read: the resolved path and bytes, or Go's <c>os</c> error
    /// (<c>open PATH: no such file or directory</c>, <c>read PATH: is a directory</c>), with the path redacted when
    /// sensitive. <paramref name="notFound"/> tells the caller the file does not exist.</summary>
    private static bool TryOpenAndRead(string baseDir, string path, HclMarks marks, out byte[] content, out string? error, out bool notFound, out string shown)
    {
        content = [];
        notFound = false;
        shown = "";
        if (!TryResolve(baseDir, path, out var resolved, out error))
        {
            return false;
        }

        shown = marks.Contains(HclMarks.Sensitive) ? "(sensitive value)" : resolved;
        try
        {
            if (Directory.Exists(resolved))
            {
                error = $"read {shown}: is a directory";
                return false;
            }

            content = File.ReadAllBytes(resolved);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            notFound = true;
            error = $"open {shown}: no such file or directory";
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            error = $"open {shown}: permission denied";
            return false;
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ArgumentException)
        {
            error = $"open {shown}: {e.Message}";
            return false;
        }
    }

    /// <summary>Terraform's <c>readFileBytes</c> (used by <c>file</c>, <c>filebase64</c>), with its messages.</summary>
    public static bool TryReadFile(string baseDir, string path, HclMarks marks, out byte[] content, out string? error)
    {
        if (TryOpenAndRead(baseDir, path, marks, out content, out error, out var notFound, out _))
        {
            return true;
        }

        if (notFound && TryResolve(baseDir, path, out var resolved, out _))
        {
            error = "no file exists at " + EncodingText.Redact(resolved, marks) + NoFileHint;
        }
        else if (error!.StartsWith("read ", StringComparison.Ordinal))
        {
            error = "failed to read file: " + error;
        }

        return false;
    }

    /// <summary>A function of a file path whose result is computed from the file's bytes, reading the file as
    /// Terraform's file hash functions do (<c>openFile</c>, so Go's own error messages).</summary>
    public static HclFunction FileBytesFunction(StandardLibraryOptions options, string name, Func<byte[], string> compute, string description) =>
        MarkedStringFunction(name, "path", HclType.String, (path, marks) =>
            TryOpenAndRead(options.BaseDirectory, path, marks, out var bytes, out var error, out _, out _)
                ? FunctionResult.Ok(HclValue.String(compute(bytes)))
                : FunctionResult.Fail(error!),
            description);

    /// <summary>Go's <c>filepath.Clean</c> (slash-separated).</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        bool rooted = path[0] == '/';
        var parts = path.Split('/');
        var stack = new List<string>();
        foreach (var p in parts)
        {
            if (p.Length == 0 || p == ".")
            {
                continue;
            }

            if (p == "..")
            {
                if (stack.Count > 0 && stack[^1] != "..")
                {
                    stack.RemoveAt(stack.Count - 1);
                }
                else if (!rooted)
                {
                    stack.Add("..");
                }

                continue;
            }

            stack.Add(p);
        }

        var sb = new StringBuilder();
        if (rooted)
        {
            sb.Append('/');
        }

        sb.AppendJoin('/', stack);
        return sb.Length == 0 ? "." : sb.ToString();
    }

    /// <summary>Go's <c>filepath.Dir</c>.</summary>
    public static string Dir(string path)
    {
        int i = path.LastIndexOf('/');
        var dir = Clean(path[..(i + 1)]);
        return dir;
    }

    /// <summary>Go's <c>filepath.Base</c>.</summary>
    public static string Base(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }

        int i = path.LastIndexOf('/');
        return i >= 0 ? path[(i + 1)..] : path;
    }

    /// <summary>Go's <c>filepath.Rel</c> for two cleaned absolute (or both relative) paths.</summary>
    public static string Rel(string basePath, string target)
    {
        var b = Clean(basePath);
        var t = Clean(target);
        if (b == t)
        {
            return ".";
        }

        var bp = b == "." ? [] : b.TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tp = t == "." ? [] : t.TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        int common = 0;
        while (common < bp.Length && common < tp.Length && bp[common] == tp[common])
        {
            common++;
        }

        var parts = new List<string>();
        for (int i = common; i < bp.Length; i++)
        {
            parts.Add("..");
        }

        parts.AddRange(tp.Skip(common));
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
