using System.Collections;

namespace Provisioner.Hcl.Diagnostics;

/// <summary>An ordered, growable collection of diagnostics.</summary>
public sealed class DiagnosticList : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticList()
    {
    }

    public DiagnosticList(IEnumerable<Diagnostic> items) => _items.AddRange(items);

    public int Count => _items.Count;

    public Diagnostic this[int index] => _items[index];

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var d in _items)
            {
                if (d.IsError)
                    return true;
            }
            return false;
        }
    }

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string summary, string detail = "", SourceRange? subject = null, SourceRange? context = null) =>
        _items.Add(Diagnostic.Error(summary, detail, subject, context));

    public void Warning(string summary, string detail = "", SourceRange? subject = null, SourceRange? context = null) =>
        _items.Add(Diagnostic.Warning(summary, detail, subject, context));

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(Environment.NewLine, _items);
}
