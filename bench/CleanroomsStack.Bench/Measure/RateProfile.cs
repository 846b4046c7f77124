namespace CleanroomsStack.Bench.Measure;

/// <summary>
/// AWS-like limits the emulator enforces per operation and account, and the client's <c>--max-rps</c>.
/// The time-scaled profile divides every duration by 20: 20× the rate, 1/20 of the latency and of the read-after-write
/// lag, the same bucket size in requests, so a run takes 1/20 of the time with the same shape. The discovery profiles run at AWS's own time scale
/// without <c>--max-rps</c>: the tool starts at AWS's documented 5 requests/s and finds the rate by itself, on the
/// wall clock, which a time-scaled emulator would not scale.
/// </summary>
/// <param name="Burst">The emulator's token bucket size in requests (AWS documents rates, not bursts; we take one second of the rate).</param>
/// <param name="ClientMaxRps">The tool's <c>--max-rps</c>; null: none, the tool discovers the rate.</param>
/// <param name="LagMs">How long a new resource stays invisible to reads (the emulator's default for AWS is a second).</param>
public sealed record RateProfile(string Name, double RequestsPerSecond, int LatencyMs, int Burst, double? ClientMaxRps, int LagMs)
{
    public static readonly RateProfile Aws = new("aws", 5, 200, 5, 5, 1000);
    public static readonly RateProfile TimeScaled = new("scaled", 100, 10, 5, 100, 50);

    /// <summary>An account at AWS's default quotas, and the tool told nothing.</summary>
    public static readonly RateProfile AwsDiscovering = new("aws-discover", 5, 200, 5, null, 1000);

    /// <summary>An account whose quotas were raised to four times the default, and the tool told nothing.</summary>
    public static readonly RateProfile RaisedDiscovering = new("aws-4x-discover", 20, 200, 20, null, 1000);

    public static IReadOnlyList<RateProfile> All { get; } = [Aws, TimeScaled, AwsDiscovering, RaisedDiscovering];

    /// <summary>The profiles of the discovery group.</summary>
    public static IReadOnlyList<RateProfile> Discovering { get; } = [RaisedDiscovering, AwsDiscovering];

    public static RateProfile Named(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"Unknown rate profile '{name}': use {string.Join(" or ", All.Select(p => p.Name))}.");

    public string Label => $"{RequestsPerSecond:0.##} req/s, {LatencyMs} ms{(ClientMaxRps is null ? ", no --max-rps" : "")}";
}
