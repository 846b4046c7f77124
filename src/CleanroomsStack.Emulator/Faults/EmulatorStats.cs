namespace CleanroomsStack.Emulator;

/// <summary>Counts for one operation since start or the last reset.</summary>
public sealed record OperationStats
{
    public int Requests { get; init; }
    public int Throttled { get; init; }
    public int InjectedErrors { get; init; }
    public int LostResponses { get; init; }
    public int DroppedConnections { get; init; }

    /// <summary>Every injected fault: errors, lost responses and dropped connections (throttling counted apart).</summary>
    public int Faults => InjectedErrors + LostResponses + DroppedConnections;
}

/// <summary>Thread-safe per-operation counters behind <c>GET /_emulator/stats</c>.</summary>
public sealed class EmulatorStats
{
    /// <summary>Requests rejected before an operation was known: bad or missing signatures, unknown keys.</summary>
    public const string Unauthenticated = "(unauthenticated)";

    /// <summary>Signed requests that match no operation of the service.</summary>
    public const string UnknownOperation = "(unknown operation)";

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, OperationStats> _byOperation = new(StringComparer.Ordinal);

    public void Request(string operation) => Update(operation, s => s with { Requests = s.Requests + 1 });
    public void Throttled(string operation) => Update(operation, s => s with { Throttled = s.Throttled + 1 });
    public void InjectedError(string operation) => Update(operation, s => s with { InjectedErrors = s.InjectedErrors + 1 });
    public void LostResponse(string operation) => Update(operation, s => s with { LostResponses = s.LostResponses + 1 });
    public void DroppedConnection(string operation) => Update(operation, s => s with { DroppedConnections = s.DroppedConnections + 1 });

    /// <summary>A sorted copy of the counters.</summary>
    public IReadOnlyDictionary<string, OperationStats> Snapshot()
    {
        lock (_gate) return new SortedDictionary<string, OperationStats>(_byOperation, StringComparer.Ordinal);
    }

    public void Reset()
    {
        lock (_gate) _byOperation.Clear();
    }

    private void Update(string operation, Func<OperationStats, OperationStats> change)
    {
        lock (_gate) _byOperation[operation] = change(_byOperation.GetValueOrDefault(operation) ?? new OperationStats());
    }
}
