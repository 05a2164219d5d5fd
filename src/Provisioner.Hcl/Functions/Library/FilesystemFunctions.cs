using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Functions.Library;

/// <summary>The filesystem functions of the standard library. Relative paths are resolved against
/// <see cref="StandardLibraryOptions.BaseDirectory"/>.</summary>
internal static class FilesystemFunctions
{
    public static IEnumerable<HclFunction> Create(StandardLibraryOptions options)
    {
        yield return AbsPath(options);
        yield return new HclFunction(
            "dirname",
            [new FunctionParameter("path", HclType.String)],
            null,
            HclFunction.Returns(HclType.String),
            (args, _) => HclValue.String(FilesystemSupport.Dir(args[0].AsString())),
            "Takes a string containing a filesystem path and removes the last portion from it.");
        yield return new HclFunction(
            "basename",
            [new FunctionParameter("path", HclType.String)],
            null,
            HclFunction.Returns(HclType.String),
            (args, _) => HclValue.String(FilesystemSupport.Base(args[0].AsString())),
            "Takes a string containing a filesystem path and removes all except the last portion from it.");
        yield return new HclFunction(
            "pathexpand",
            [new FunctionParameter("path", HclType.String)],
            null,
            HclFunction.Returns(HclType.String),
            (args, _) => FilesystemSupport.TryExpandHome(args[0].AsString(), out var expanded, out var error)
                ? HclValue.String(expanded)
                : FunctionResult.Fail(error!, 0),
            "Takes a filesystem path that might begin with a `~` segment, and if so it replaces that segment with the current user's home directory path.");
        yield return File(options);
        yield return FilesystemSupport.MarkedStringFunction(
            "filebase64",
            "path",
            HclType.String,
            (path, marks) => FilesystemSupport.TryReadFile(options.BaseDirectory, path, marks, out var bytes, out var error)
                ? FunctionResult.Ok(HclValue.String(Convert.ToBase64String(bytes)))
                : FunctionResult.Fail(error!, 0),
            "Reads the contents of a file at the given path and returns them as a base64-encoded string.");
        yield return FileExists(options);
        yield return FileSet(options);
    }

    private static HclFunction AbsPath(StandardLibraryOptions options) => new(
        "abspath",
        [new FunctionParameter("path", HclType.String)],
        null,
        HclFunction.Returns(HclType.String),
        (args, _) =>
        {
            var path = args[0].AsString().Replace('\\', '/');
            var abs = FilesystemSupport.IsAbs(path) ? FilesystemSupport.Clean(path) : FilesystemSupport.Join(options.BaseDirectory.Replace('\\', '/'), path);
            return HclValue.String(abs);
        },
        "Converts the argument to an absolute filesystem path based on the module directory.");

    private static HclFunction File(StandardLibraryOptions options) => FilesystemSupport.MarkedStringFunction(
        "file",
        "path",
        HclType.String,
        (path, marks) =>
        {
            if (!FilesystemSupport.TryReadFile(options.BaseDirectory, path, marks, out var bytes, out var error))
            {
                return FunctionResult.Fail(error!, 0);
            }

            var text = EncodingText.TryFromUtf8(bytes);
            if (text is null)
            {
                return FunctionResult.Fail(
                    $"contents of {EncodingText.Redact(path, marks)} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead");
            }

            return HclValue.String(text);
        },
        "Reads the contents of a file at the given path and returns them as a string.");

    private static HclFunction FileExists(StandardLibraryOptions options) => FilesystemSupport.MarkedStringFunction(
        "fileexists",
        "path",
        HclType.Bool,
        (path, marks) =>
        {
            if (!FilesystemSupport.TryResolve(options.BaseDirectory, path, out var resolved, out var error))
            {
                return FunctionResult.Fail(error!, 0);
            }

            if (Directory.Exists(resolved))
            {
                return FunctionResult.Fail($"{EncodingText.Redact(resolved, marks)} is a directory, not a file", 0);
            }

            return HclValue.Bool(System.IO.File.Exists(resolved));
        },
        "Determines whether a file exists at the given path.");

    private static HclFunction FileSet(StandardLibraryOptions options) => new(
        "fileset",
        [
            new FunctionParameter("path", HclType.String) { AllowMarked = true, AllowUnknown = true },
            new FunctionParameter("pattern", HclType.String) { AllowMarked = true, AllowUnknown = true },
        ],
        null,
        HclFunction.Returns(HclType.Set(HclType.String)),
        (args, rt) =>
        {
            var (pathArg, pathMarks) = args[0].UnmarkDeep();
            var (patternArg, patternMarks) = args[1].UnmarkDeep();
            var marks = pathMarks.Union(patternMarks);
            if (!pathArg.IsKnown || !patternArg.IsKnown)
            {
                return HclValue.UnknownOf(rt).WithMarks(marks);
            }

            var path = pathArg.AsString();
            if (!FilesystemSupport.IsAbs(path))
            {
                path = FilesystemSupport.Join(options.BaseDirectory, path);
            }

            path = FilesystemSupport.Clean(path);
            var pattern = FilesystemSupport.Join(path, patternArg.AsString());
            if (!FilesystemGlob.TryGlob(pattern, out var matches))
            {
                return FunctionResult.Fail($"failed to glob pattern {EncodingText.Redact(pattern, marks)}: syntax error in pattern");
            }

            var values = matches.Select(m => HclValue.String(FilesystemSupport.Rel(path, m))).ToList();
            return HclValue.SetOf(HclType.String, values).WithMarks(marks);
        },
        "Enumerates a set of regular file names given a pattern.");
}
