using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Functions.Library;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Tests.Functions.Library;

public sealed class FilesystemFunctionsTests
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "testdata", "functions");

    private static readonly FunctionTable Lib = new(FilesystemFunctions.Create(new StandardLibraryOptions(FixtureDir, TimeProvider.System)));

    private static FunctionResult Call(string name, params HclValue[] args)
    {
        Assert.True(Lib.TryGet(name, out var f), name);
        return f.Call(args);
    }

    private static HclValue S(string s) => HclValue.String(s);

    private static HclValue Ok(string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.True(r.IsSuccess, r.ToString());
        return r.Value;
    }

    private static void Fails(string message, int? arg, string name, params HclValue[] args)
    {
        var r = Call(name, args);
        Assert.False(r.IsSuccess, r.ToString());
        Assert.Equal(message, r.Error.Message);
        Assert.Equal(arg, r.Error.ArgumentIndex);
    }

    private const string NoFileHint =
        "; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource";

    // ------------------------------------------------------------------ paths

    [Theory]
    [InlineData("foo/bar/baz.txt", "foo/bar")]
    [InlineData("baz.txt", ".")]
    [InlineData("/", "/")]
    [InlineData("/foo/", "/foo")]
    [InlineData("/foo", "/")]
    [InlineData("", ".")]
    [InlineData("foo//bar", "foo")]
    [InlineData("./foo/../bar/x", "bar")]
    public void Dirname(string path, string expected) => Assert.Equal(S(expected), Ok("dirname", S(path)));

    [Theory]
    [InlineData("foo/bar/baz.txt", "baz.txt")]
    [InlineData("foo/bar/", "bar")]
    [InlineData("/", "/")]
    [InlineData("//", "/")]
    [InlineData("", ".")]
    [InlineData("baz", "baz")]
    public void Basename(string path, string expected) => Assert.Equal(S(expected), Ok("basename", S(path)));

    [Theory]
    [InlineData("tree/../x", "/x")]
    [InlineData(".", "")]
    [InlineData("a/./b/", "/a/b")]
    public void AbsPath_RelativeToBaseDirectory(string path, string suffix) => Assert.Equal(S(FixtureDir + suffix), Ok("abspath", S(path)));

    [Theory]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/", "/")]
    public void AbsPath_Absolute(string path, string expected) => Assert.Equal(S(expected), Ok("abspath", S(path)));

    [Fact]
    public void PathExpand()
    {
        var home = FilesystemSupport.HomeDirectory();
        Assert.Equal(S(home + "/.ssh/id_rsa"), Ok("pathexpand", S("~/.ssh/id_rsa")));
        Assert.Equal(S(FilesystemSupport.Clean(home)), Ok("pathexpand", S("~")));
        Assert.Equal(S("/etc/hosts"), Ok("pathexpand", S("/etc/hosts")));
        Assert.Equal(S("relative/~/x"), Ok("pathexpand", S("relative/~/x")));
        Assert.Equal(S(""), Ok("pathexpand", S("")));
    }

    [Fact]
    public void PathExpand_OtherUser() => Fails("cannot expand user-specific home dir", 0, "pathexpand", S("~bob/x"));

    // ------------------------------------------------------------------ file, filebase64, fileexists

    [Fact]
    public void File_ReadsUtf8() => Assert.Equal(S("Hello, 世界"), Ok("file", S("unicode.txt")));

    [Fact]
    public void File_AbsolutePath() => Assert.Equal(S("hello world"), Ok("file", S(Path.Combine(FixtureDir, "hello.txt"))));

    [Fact]
    public void File_Missing() => Fails($"no file exists at \"{FixtureDir}/nope.txt\"" + NoFileHint, 0, "file", S("nope.txt"));

    [Fact]
    public void File_MissingSensitive() => Fails("no file exists at (sensitive value)" + NoFileHint, 0, "file", S("nope.txt").Mark(HclMarks.Sensitive));

    [Fact]
    public void File_NotUtf8() =>
        Fails("contents of \"binary.bin\" are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead", null, "file", S("binary.bin"));

    [Fact]
    public void File_Directory() => Fails($"failed to read file: read {FixtureDir}/tree: is a directory", 0, "file", S("tree"));

    [Fact]
    public void File_SensitivePath_GivesSensitiveContent()
    {
        var r = Ok("file", S("hello.txt").Mark(HclMarks.Sensitive));
        Assert.True(r.IsSensitive);
        Assert.Equal(S("hello world"), r.Unmark().Value);
    }

    [Fact]
    public void File_Unknown()
    {
        var r = Ok("file", HclValue.UnknownOf(HclType.String));
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.String, r.Type);
    }

    [Fact]
    public void File_Null() => Fails("Invalid value for \"path\" parameter: argument must not be null.", 0, "file", HclValue.NullOf(HclType.String));

    [Fact]
    public void FileBase64()
    {
        Assert.Equal(S("aGVsbG8gd29ybGQ="), Ok("filebase64", S("hello.txt")));
        Assert.Equal(S("//4AYmluYXJ5"), Ok("filebase64", S("binary.bin")));
    }

    [Fact]
    public void FileBase64_Missing() => Fails($"no file exists at \"{FixtureDir}/nope\"" + NoFileHint, 0, "filebase64", S("nope"));

    [Theory]
    [InlineData("hello.txt", true)]
    [InlineData("tree/sub/x.txt", true)]
    [InlineData("nope.txt", false)]
    [InlineData("nope/nope.txt", false)]
    public void FileExists(string path, bool expected) => Assert.Equal(HclValue.Bool(expected), Ok("fileexists", S(path)));

    [Fact]
    public void FileExists_Directory() => Fails($"\"{FixtureDir}/tree\" is a directory, not a file", 0, "fileexists", S("tree"));

    [Fact]
    public void FileExists_DirectorySensitive() => Fails("(sensitive value) is a directory, not a file", 0, "fileexists", S("tree").Mark(HclMarks.Sensitive));

    // ------------------------------------------------------------------ fileset

    public static TheoryData<string, string, string[]> FileSetCases => new()
    {
        { "tree", "*.txt", [".hidden.txt", "a.txt", "b.txt", "q1.txt"] },
        { "tree", "**/*.txt", [".hidden.txt", "a.txt", "b.txt", "q1.txt", "sub/deeper/y.txt", "sub/x.txt"] },
        { "tree", "**", [".hidden.txt", "a.txt", "b.txt", "c.json", "other/z.md", "q1.txt", "sub/deeper/y.txt", "sub/x.txt"] },
        { "tree", "**/deeper/*", ["sub/deeper/y.txt"] },
        { "tree", "sub/**/*.txt", ["sub/deeper/y.txt", "sub/x.txt"] },
        { "tree", "{a,b}.txt", ["a.txt", "b.txt"] },
        { "tree", "{a,{c,q1}}.*", ["a.txt", "c.json", "q1.txt"] },
        { "tree", "{sub,other}/*", ["other/z.md", "sub/x.txt"] },
        { "tree", "?.txt", ["a.txt", "b.txt"] },
        { "tree", "??.txt", ["q1.txt"] },
        { "tree", "[ab].*", ["a.txt", "b.txt"] },
        { "tree", "[a-c].*", ["a.txt", "b.txt", "c.json"] },
        { "tree", "[!ab].*", ["c.json"] },
        { "tree", "[^ab].*", ["c.json"] },
        { "tree", "sub/*", ["sub/x.txt"] },
        { "tree", "a.txt", ["a.txt"] },
        { "tree", "./sub/../a.txt", ["a.txt"] },
        { "tree", "nomatch*", [] },
        { "tree", "*/", [".hidden.txt", "a.txt", "b.txt", "c.json", "q1.txt"] }, // joining cleans the trailing slash away
        { "tree/sub", "**/*.txt", ["deeper/y.txt", "x.txt"] },
        { ".", "tree/*.json", ["tree/c.json"] },
        { "tree", "../*.txt", ["../hello.txt", "../unicode.txt"] },
        { "nonexistent", "*", [] },
    };

    [Theory]
    [MemberData(nameof(FileSetCases))]
    public void FileSet(string path, string pattern, string[] expected)
    {
        var r = Ok("fileset", S(path), S(pattern));
        Assert.Equal(HclType.Set(HclType.String), r.Type);
        Assert.Equal(expected, r.Elements.Select(e => e.AsString()).ToArray());
    }

    [Fact]
    public void FileSet_AbsolutePath() =>
        Assert.Equal(["a.txt", "b.txt"], Ok("fileset", S(Path.Combine(FixtureDir, "tree")), S("[ab].txt")).Elements.Select(e => e.AsString()).ToArray());

    [Theory]
    [InlineData("[a")]
    [InlineData("{a,b")]
    [InlineData("a}")]
    [InlineData("a\\")]
    public void FileSet_BadPattern(string pattern) =>
        Fails($"failed to glob pattern {EncodingText.GoQuote(FixtureDir + "/tree/" + pattern)}: syntax error in pattern", null, "fileset", S("tree"), S(pattern));

    [Fact]
    public void FileSet_SensitiveMarksResultAndRedacts()
    {
        var r = Ok("fileset", S("tree"), S("*.json").Mark(HclMarks.Sensitive));
        Assert.True(r.IsSensitive);
        Fails("failed to glob pattern (sensitive value): syntax error in pattern", null, "fileset", S("tree").Mark(HclMarks.Sensitive), S("[a"));
    }

    [Fact]
    public void FileSet_Unknown()
    {
        var r = Ok("fileset", S("tree"), HclValue.UnknownOf(HclType.String));
        Assert.False(r.IsKnown);
        Assert.Equal(HclType.Set(HclType.String), r.Type);
    }

    [Fact]
    public void FileSet_TempDirectory()
    {
        var dir = Directory.CreateTempSubdirectory("fileset-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "modules", "a"));
            System.IO.File.WriteAllText(Path.Combine(dir.FullName, "modules", "a", "main.tf"), "");
            System.IO.File.WriteAllText(Path.Combine(dir.FullName, "root.tf"), "");
            System.IO.File.WriteAllText(Path.Combine(dir.FullName, "x.tfvars"), "");
            var lib = new FunctionTable(FilesystemFunctions.Create(new StandardLibraryOptions(dir.FullName, TimeProvider.System)));
            Assert.True(lib.TryGet("fileset", out var f));
            var r = f.Call([S("."), S("**/*.tf")]).Value!;
            Assert.Equal(["modules/a/main.tf", "root.tf"], r.Elements.Select(e => e.AsString()).ToArray());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
