namespace CleanroomsStack.Bench.Measure;

/// <summary>
/// AWS-like limits the emulator enforces per operation and account, and the client's matching <c>--max-rps</c>.
/// The time-scaled profile divides every duration by 20: 20× the rate, 1/20 of the latency, the same bucket size in
/// requests, so a run takes 1/20 of the time with the same shape.
/// </summary>
/// <param name="Burst">The emulator's token bucket size in requests (AWS documents rates, not bursts; we take one second at 5/s).</param>
public sealed record RateProfile(string Name, double RequestsPerSecond, int LatencyMs, int Burst)
{
    public static readonly RateProfile Aws = new("aws", 5, 200, 5);
    public static readonly RateProfile TimeScaled = new("scaled", 100, 10, 5);

    public static IReadOnlyList<RateProfile> All { get; } = [Aws, TimeScaled];

    public static RateProfile Named(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"Unknown rate profile '{name}': use {string.Join(" or ", All.Select(p => p.Name))}.");

    public string Label => $"{RequestsPerSecond:0.##} req/s, {LatencyMs} ms";
}
