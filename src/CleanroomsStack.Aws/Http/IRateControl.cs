namespace CleanroomsStack.Aws.Http;

/// <summary>
/// How one operation's request rate moves with what the service answers; <see cref="AdaptiveTokenBucket"/> paces the
/// requests at <see cref="Rate"/>. Always called under the bucket's lock, so implementations keep no lock of their own.
/// Timestamps are those of the bucket's <see cref="TimeProvider"/>.
/// </summary>
internal interface IRateControl
{
    /// <summary>The rate requests are paced at now, in requests per second.</summary>
    double Rate { get; }

    /// <summary>
    /// The service throttled a request sent at <paramref name="sentAt"/>. True when this cut the rate, false when the
    /// request left before the last cut (one decrease per round of requests, as in TCP congestion control).
    /// </summary>
    bool OnThrottled(long sentAt, long now);

    /// <summary>A request went through.</summary>
    void OnSuccess(long now);

    /// <summary>What this operation's rate is known or learned to be so far.</summary>
    OperationRate Learned(string operation);
}
