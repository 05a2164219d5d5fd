namespace Provisioner.Hcl.Syntax;

/// <summary>Reusable scratch lists for the parser: nodes keep exact-size arrays, the scratch lists are recycled.</summary>
internal sealed class ListPool<T>
{
    private readonly Stack<List<T>> _free = new();

    public List<T> Rent() => _free.TryPop(out var list) ? list : new List<T>(8);

    /// <summary>Copies the list to an exact-size array and returns the list to the pool.</summary>
    public T[] ToArrayAndReturn(List<T> list)
    {
        var array = list.Count == 0 ? [] : list.ToArray();
        list.Clear();
        if (list.Capacity <= 4096)
            _free.Push(list);
        return array;
    }
}
