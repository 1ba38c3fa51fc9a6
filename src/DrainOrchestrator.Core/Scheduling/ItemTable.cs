using System.Buffers;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// The <see cref="ItemStatus"/> of every item of the plan, by item index, for one decision. The array comes from a
/// shared pool (a plan of 10,000 VMIs would otherwise put half a megabyte on the large-object heap at every event)
/// and goes back cleared on dispose; only this type rents <see cref="ItemStatus"/> arrays, so a rented one is clean.
/// </summary>
internal sealed class ItemTable : IDisposable
{
    private ItemStatus[] _items;

    public ItemTable(int count)
    {
        Count = count;
        _items = ArrayPool<ItemStatus>.Shared.Rent(Math.Max(1, count));
    }

    public int Count { get; }

    public ref ItemStatus this[int index] => ref _items[index];

    /// <summary>
    /// Our succeeded migrations whose VMI the cluster still shows on its source: the VMIM's end was seen before the VMI's
    /// move (two watches, read between their events). Their memory is on the target, which the node's requests do not
    /// count yet. Null: none.
    /// </summary>
    public List<(string Target, long MemoryBytes)>? Landed { get; set; }

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<ItemStatus>.Shared.Return(_items, clearArray: true);
            _items = [];
        }
    }
}
