namespace Provisioner.Config.Tests;

/// <summary>A throwaway configuration directory built from (file name, text) pairs.</summary>
internal sealed class TempConfig : IDisposable
{
    public TempConfig(params (string Name, string Text)[] files)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("provisioner-config-").FullName;
        foreach (var (name, text) in files)
            Write(name, text);
    }

    public string Directory { get; }

    public void Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public ModuleConfig Load()
    {
        var (module, diags) = new ConfigLoader(Directory).LoadModule(Directory);
        Assert.False(diags.HasErrors, diags.ToString());
        return module!;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
