using System.Text.Json;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views;

/// <summary>
/// `up --json`: one JSON object per line, each with an "event" member: plan, started, waiting (a long wait for AWS's reads), finished, summary.
/// Bots read the stream as it comes; a line is always written whole. Each change carries its full "address" and, as the
/// plan names it, its "collaboration" (name) and "resource" (address inside the collaboration).
/// </summary>
internal sealed class JsonLinesProgressView(TextWriter output, ChangeNames names) : IApplyObserver
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Read by tools and people, never embedded in HTML: keep quotes and non-ASCII readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private readonly Lock gate = new();

    public void WritePlan(PlanDocument plan) => Emit(new { @event = "plan", plan.Summary, plan.Diagnostics });

    public void OnStarted(ResourceChange change) => Emit(new
    {
        @event = "started", address = change.Address.ToString(), collaboration = names.Collaboration(change.Address),
        resource = ChangeNames.Relative(change.Address), action = change.Action.Info().JsonName,
    });

    public void OnWaiting(ResourceChange change, string message) => Emit(new
    {
        @event = "waiting", address = change.Address.ToString(), collaboration = names.Collaboration(change.Address),
        resource = ChangeNames.Relative(change.Address), action = change.Action.Info().JsonName, message,
    });

    public void OnFinished(ChangeOutcome outcome) => Emit(new
    {
        @event = "finished",
        address = outcome.Change.Address.ToString(),
        collaboration = names.Collaboration(outcome.Change.Address),
        resource = ChangeNames.Relative(outcome.Change.Address),
        action = outcome.Change.Action.Info().JsonName,
        status = outcome.Status.ToString().ToLowerInvariant(),
        elapsedMs = (long)outcome.Elapsed.TotalMilliseconds,
        awsId = outcome.AwsId,
        message = outcome.Message,
    });

    public void WriteSummary(ApplyResult result, IReadOnlyList<OperationCallTotals> calls) => Emit(new
    {
        @event = "summary",
        succeeded = result.Count(OutcomeStatus.Succeeded),
        failed = result.Count(OutcomeStatus.Failed),
        skipped = result.Count(OutcomeStatus.Skipped),
        cancelled = result.Cancelled,
        records = result.Records.Select(r => new
        {
            address = r.Address.ToString(), status = r.Status.ToString().ToLowerInvariant(), resources = r.Resources, message = r.Message,
        }),
        durationMs = (long)result.Duration.TotalMilliseconds,
        calls = calls.Select(Calls),
    });

    /// <summary>An operation's totals, with its rate in requests/s when the client paced it (given, estimated from throttling, or at least reached).</summary>
    private static object Calls(OperationCallTotals c)
    {
        var waitingMs = (long)c.TimeWaiting.TotalMilliseconds;
        if (c.Rate is not { } rate) return new { c.Service, c.Operation, c.Calls, c.Retries, c.Throttles, c.Failures, waitingMs };
        var rateBasis = rate.Basis switch
        {
            RateBasis.Given => "given",
            RateBasis.Estimated => "estimated",
            RateBasis.AtLeast => "atLeast",
            _ => throw new ArgumentOutOfRangeException(nameof(c), rate.Basis, "unknown rate basis"),
        };
        return new { c.Service, c.Operation, c.Calls, c.Retries, c.Throttles, c.Failures, waitingMs, requestsPerSecond = Math.Round(rate.Rate, 2), rateBasis };
    }

    private void Emit<T>(T value)
    {
        var line = JsonSerializer.Serialize(value, Options);
        lock (gate) output.WriteLine(line);
    }
}
