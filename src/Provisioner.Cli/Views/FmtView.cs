using System.Text;

namespace Provisioner.Cli.Views;

/// <summary>Console output of <c>provisioner fmt</c>.</summary>
internal sealed class FmtView(CliContext ctx)
{
    public void FileName(string path) => ctx.Out.WriteLine(path);

    public void Diff(string path, byte[] before, byte[] after)
    {
        var text = LineDiff.Unified("old/" + path, "new/" + path, Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(after));
        ctx.Out.Write(text);
    }

    public void Raw(byte[] content)
    {
        ctx.Out.Write(Encoding.UTF8.GetString(content));
        ctx.Out.Flush();
    }
}
