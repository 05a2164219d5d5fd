using Provisioner.Cli.Views;

namespace Provisioner.Cli.Tests.Views;

public sealed class LineDiffTests
{
    [Fact]
    public void Unified_SameText_IsEmpty()
    {
        Assert.Equal("", LineDiff.Unified("a", "b", "x\ny\n", "x\ny\n"));
    }

    [Fact]
    public void Unified_OneLineChanged_ProducesOneHunk()
    {
        // Given
        var before = "a\nb\nc\nd\ne\n";
        var after = "a\nb\nC\nd\ne\n";

        // When
        var diff = LineDiff.Unified("old/f", "new/f", before, after);

        // Then
        Assert.Equal("--- old/f\n+++ new/f\n@@ -1,5 +1,5 @@\n a\n b\n-c\n+C\n d\n e\n", diff);
    }

    [Fact]
    public void Unified_FarApartChanges_ProduceTwoHunks()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"l{i}")) + "\n";
        var after = before.Replace("l2\n", "L2\n").Replace("l19\n", "L19\n");
        var diff = LineDiff.Unified("a", "b", before, after);
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@")));
        Assert.Contains("@@ -1,5 +1,5 @@", diff);
        Assert.Contains("@@ -16,5 +16,5 @@", diff);
    }

    [Fact]
    public void Unified_InsertIntoEmpty_CountsFromZero()
    {
        var diff = LineDiff.Unified("a", "b", "", "x\n");
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n", diff);
    }
}
