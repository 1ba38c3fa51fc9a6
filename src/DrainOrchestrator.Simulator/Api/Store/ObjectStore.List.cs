using System.Collections.Immutable;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

public sealed partial class ObjectStore
{
    /// <inheritdoc />
    public ListResult List(ResourceType type, ListRequest request)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(request);
        ImmutableSortedDictionary<string, StoredObject> table;
        long version;
        long compactedThrough;
        lock (_lock)
        {
            table = TableLocked(type);
            version = _resourceVersion;
            compactedThrough = _log.CompactedThrough;
        }

        string? startAfter = null;
        if (!string.IsNullOrEmpty(request.Continue))
        {
            var token = ContinueToken.Decode(request.Continue);
            if (token.ResourceVersion < compactedThrough)
            {
                throw new ApiStatusException(ApiErrors.Expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."));
            }

            version = token.ResourceVersion;
            startAfter = token.StartAfter;
        }

        return Page(table, request, version, startAfter);
    }

    private static ListResult Page(ImmutableSortedDictionary<string, StoredObject> table, ListRequest request, long version, string? startAfter)
    {
        var items = new List<StoredObject>();
        long remaining = 0;
        var ns = string.IsNullOrEmpty(request.Namespace) ? null : request.Namespace;
        foreach (var (key, item) in table)
        {
            if ((startAfter is not null && string.CompareOrdinal(key, startAfter) <= 0)
                || (ns is not null && item.Namespace != ns)
                || !request.Labels.Matches(item.Labels)
                || !request.Fields.Matches(item.Fields))
            {
                continue;
            }

            if (request.Limit > 0 && items.Count == request.Limit)
            {
                remaining++;
                continue;
            }

            items.Add(item);
        }

        if (remaining == 0)
        {
            return new ListResult(items, version, null, null);
        }

        var next = new ContinueToken(version, items[^1].Key).Encode();
        return new ListResult(items, version, next, remaining);
    }
}
