namespace CleanroomsStack.Engine.Audit;

/// <summary>One AWS call made for a change: the operation and the request id AWS gave it (null when no answer came).</summary>
public sealed record AwsCall(string Operation, string? RequestId, string? ErrorCode = null);

/// <summary>
/// Collects the AWS calls made on behalf of one change, so the audit log can name their request ids. The port's
/// results don't carry request ids; the AWS client reports every attempt to its call observer, which forwards to
/// <see cref="Record"/>. The trail is ambient (an AsyncLocal), so parallel changes each see only their own calls.
/// </summary>
public sealed class AwsCallTrail
{
    private static readonly AsyncLocal<AwsCallTrail?> Current = new();
    private readonly Lock gate = new();
    private readonly List<AwsCall> calls = [];

    /// <summary>Starts a trail for the calls that follow on this async flow (call it at the start of an async method).</summary>
    public static AwsCallTrail Begin()
    {
        var trail = new AwsCallTrail();
        Current.Value = trail;
        return trail;
    }

    /// <summary>Called by the AWS client's observer for every attempt; a no-op outside a trail.</summary>
    public static void Record(string operation, string? requestId, string? errorCode = null) =>
        Current.Value?.Add(new AwsCall(operation, requestId, errorCode));

    public IReadOnlyList<AwsCall> Calls
    {
        get { lock (gate) return calls.ToList(); }
    }

    private void Add(AwsCall call)
    {
        lock (gate) calls.Add(call);
    }
}
