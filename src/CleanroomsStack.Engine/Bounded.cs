namespace CleanroomsStack.Engine;

/// <summary>Runs async work over items with at most <c>parallelism</c> calls in flight.</summary>
public static class Bounded
{
    public static async Task<Dictionary<TItem, TResult>> SelectAsync<TItem, TResult>(
        IReadOnlyCollection<TItem> items, int parallelism, Func<TItem, Task<TResult>> work) where TItem : notnull
    {
        var results = new Dictionary<TItem, TResult>();
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var tasks = items.Select(async item =>
        {
            await gate.WaitAsync();
            try { return (item, result: await work(item)); }
            finally { gate.Release(); }
        }).ToList();
        foreach (var (item, result) in await Task.WhenAll(tasks)) results[item] = result;
        return results;
    }
}
