using System.Text.Json.Serialization;

namespace CleanroomsStack.Emulator;

/// <summary>
/// Fault injection, global with per-operation overrides. Property names are the JSON names of the admin API
/// (<c>/_emulator/faults</c>) and match the command-line flags (<c>--rate-limit</c> → <c>rateLimit</c>).
/// Everything is off by default; <see cref="Seed"/> makes the random choices repeatable.
/// </summary>
public sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    /// <summary>
    /// What AWS does to a well-behaved client: 5 requests per second per operation and account (20 for
    /// GetConfiguredTable and GetProtectedQuery), nothing else.
    /// </summary>
    public static readonly FaultSettings AwsDefaults = new()
    {
        RateLimit = 5,
        Operations = new Dictionary<string, OperationFaults>
        {
            ["GetConfiguredTable"] = new() { RateLimit = 20 },
            ["GetProtectedQuery"] = new() { RateLimit = 20 },
        },
    };

    /// <summary>Seed of the random generator that decides which requests get a fault.</summary>
    public int Seed { get; init; }

    /// <summary>Token bucket per operation per account, in requests per second (AWS: 5). Null or 0: no limit.</summary>
    public double? RateLimit { get; init; }

    /// <summary>Bucket size; defaults to <see cref="RateLimit"/> (at least 1), i.e. one second of burst.</summary>
    public double? RateLimitBurst { get; init; }

    /// <summary>Added to every request before it is handled.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Probability (0–1) of answering InternalServerException 500 without doing anything.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Probability (0–1) that the operation runs (a write is applied) but the client gets a 500 or a reset.</summary>
    public double LostResponseRate { get; init; }

    /// <summary>How a lost response reaches the client: <c>error</c> (HTTP 500) or <c>reset</c> (connection aborted).</summary>
    public string LostResponseMode { get; init; } = "error";

    /// <summary>Probability (0–1) of aborting the connection before the request is handled.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>A new resource is missing from List results for this long after its creation.</summary>
    public int ReadAfterWriteLagMs { get; init; }

    /// <summary>When true, lists return short pages (fewer than maxResults items, with a nextToken), as AWS may.</summary>
    public bool ShortPages { get; init; }

    /// <summary>
    /// Clean Rooms listings answered in shapes the model doesn't allow, by operation name (e.g. <c>ListMemberships</c>):
    /// items lacking a required member, holding an unknown value, one id with two bodies, or nextTokens that never end.
    /// </summary>
    public IReadOnlyDictionary<string, MalformedListing> MalformedListings { get; init; } = new Dictionary<string, MalformedListing>();

    /// <summary>How the emulator plays AWS's own behaviours (403 for missing, lag, conflicts, leaving, repeated items); AWS's by default.</summary>
    public AwsBehaviour Behaviour { get; init; } = AwsBehaviour.Defaults;

    /// <summary>Overrides by operation name (e.g. <c>CreateConfiguredTableAssociation</c>).</summary>
    public IReadOnlyDictionary<string, OperationFaults> Operations { get; init; } = new Dictionary<string, OperationFaults>();

    /// <summary>The settings in force for one operation: its overrides on top of the global values.</summary>
    public OperationFaults For(string operation)
    {
        Operations.TryGetValue(operation, out var o);
        return new OperationFaults
        {
            RateLimit = o?.RateLimit ?? RateLimit,
            RateLimitBurst = o?.RateLimitBurst ?? RateLimitBurst,
            LatencyMs = o?.LatencyMs ?? LatencyMs,
            ErrorRate = o?.ErrorRate ?? ErrorRate,
            LostResponseRate = o?.LostResponseRate ?? LostResponseRate,
            DropConnectionRate = o?.DropConnectionRate ?? DropConnectionRate,
        };
    }
}

/// <summary>Per-operation overrides; a null member falls back to the global setting.</summary>
public sealed record OperationFaults
{
    public double? RateLimit { get; init; }
    public double? RateLimitBurst { get; init; }
    public int? LatencyMs { get; init; }
    public double? ErrorRate { get; init; }
    public double? LostResponseRate { get; init; }
    public double? DropConnectionRate { get; init; }

    [JsonIgnore]
    public double Burst => Math.Max(1, RateLimitBurst ?? RateLimit ?? 1);
}
