namespace CleanroomsStack.Aws.Http;

/// <summary>Where an operation's <see cref="OperationRate.Rate"/> comes from.</summary>
public enum RateBasis
{
    /// <summary>Given as the account's quota (<c>--max-rps</c>): never exceeded.</summary>
    Given,

    /// <summary>
    /// Estimated from the service's throttling (in this run or, remembered, in an earlier one), or higher if the
    /// operation has held a higher rate for 10 s since without being throttled: about what the service allows.
    /// </summary>
    Estimated,

    /// <summary>Never throttled: the operation ran at least this fast, and the service may allow more.</summary>
    AtLeast,
}

/// <summary>What the client knows of one operation's request rate.</summary>
/// <param name="Rate">Requests per second the service allows, as <paramref name="Basis"/> says.</param>
/// <param name="Pace">The rate requests are paced at right now (below <paramref name="Rate"/> just after a throttle).</param>
/// <param name="Throttles">Throttled responses in this run.</param>
public sealed record OperationRate(string Operation, double Rate, RateBasis Basis, double Pace, int Throttles);
