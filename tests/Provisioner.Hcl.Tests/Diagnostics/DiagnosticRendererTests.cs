using System.Text;
using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl.Tests.Diagnostics;

public sealed class DiagnosticRendererTests
{
    [Fact]
    public void Render_ErrorWithSubject_PrintsHeaderLineAndCaret()
    {
        // Given
        var files = new SourceFiles();
        files.Add("main.hcl", Encoding.UTF8.GetBytes("a = 1\nbad = foo(\n"));
        var d = Diagnostic.Error("Unclosed call", "Expected a closing parenthesis.",
            new SourceRange("main.hcl", new SourcePos(2, 7, 12), new SourcePos(2, 10, 15)));
        var sut = new DiagnosticRenderer(files);

        // When
        var text = sut.Render(d);

        // Then
        Assert.Equal(
            "main.hcl:2:7: error: Unclosed call\n" +
            " 2 | bad = foo(\n" +
            "   |       ^^^\n" +
            "  Expected a closing parenthesis.\n\n", text);
    }

    [Fact]
    public void Render_UnknownFile_PrintsHeaderOnly()
    {
        var sut = new DiagnosticRenderer(new SourceFiles());
        var d = Diagnostic.Warning("Deprecated", "", new SourceRange("x.hcl", new SourcePos(3, 1, 9), new SourcePos(3, 2, 10)));
        Assert.Equal("x.hcl:3:1: warning: Deprecated\n\n", sut.Render(d));
    }

    [Fact]
    public void Render_EmptyRange_PrintsOneCaret()
    {
        var files = new SourceFiles();
        files.Add("f.hcl", Encoding.UTF8.GetBytes("x = \n"));
        var p = new SourcePos(1, 5, 4);
        var text = new DiagnosticRenderer(files).Render(Diagnostic.Error("Missing value", "", new SourceRange("f.hcl", p, p)));
        Assert.Contains("   |     ^\n", text);
    }
}
