using System.Collections.Concurrent;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Tests;

public sealed class ObservabilityTests
{
    private const string MembershipId = "6610c9aa-9002-475c-8695-d833485741bc";

    [Fact]
    public async Task A_debug_log_of_a_run_never_contains_the_secret_key_session_token_or_signature()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request => request.Path.StartsWith("/memberships", StringComparison.Ordinal) && request.Method == "POST"
            ? CannedResponse.Error(500, "InternalServerException", """{"message":"x"}""")
            : CannedResponse.Json("""{"membershipSummaries":[],"sessionToken":"echoed-secret","nested":{"secretAccessKey":"echoed-key"}}"""));
        var lines = new ConcurrentQueue<string>();
        var api = TestClients.Create(server, TestClients.FastRetries, new AwsCallLog(AwsLogLevel.Debug, lines.Enqueue));

        await api.ListMembershipsAsync("ACTIVE", default);
        await Assert.ThrowsAsync<AwsApiException>(() => api.CreateMembershipAsync(new CreateMembershipRequest("c", "ENABLED"), default));
        await api.GetCallerIdentityAsync(default).ContinueWith(_ => { });

        var log = string.Join("\n", lines);
        var signatures = server.Requests.Select(r => SigV4Verifier.Parse(r.Header("authorization")!).Signature).ToList();
        Assert.NotEmpty(signatures);
        Assert.DoesNotContain(TestClients.SecretKey, log);
        Assert.DoesNotContain(TestClients.SessionToken, log);
        Assert.All(signatures, signature => Assert.DoesNotContain(signature, log));
        Assert.DoesNotContain("echoed-secret", log);
        Assert.DoesNotContain("echoed-key", log);
        // The log still says what happened, and shows that the credentials were there (redacted).
        Assert.Contains("aws cleanrooms.ListMemberships attempt 1: 200", log);
        Assert.Contains("  > Authorization: AWS4-HMAC-SHA256 ***", log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("  > X-Amz-Security-Token: ***", log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("""  > {"collaborationIdentifier":"c","queryLogStatus":"ENABLED"}""", log);
        Assert.Contains("aws cleanrooms.CreateMembership attempt 1: 500 InternalServerException", log);
    }

    [Fact]
    public async Task A_verbose_log_has_one_line_per_attempt_without_headers_or_bodies()
    {
        await using var server = await RecordingServer.StartAsync();
        server.RespondInSequence(
            CannedResponse.Error(429, "ThrottlingException", """{"message":"slow"}"""),
            CannedResponse.Json("""{"membershipSummaries":[]}"""));
        var lines = new ConcurrentQueue<string>();
        var api = TestClients.Create(server, TestClients.FastRetries, new AwsCallLog(AwsLogLevel.Verbose, lines.Enqueue));

        await api.ListMembershipsAsync(null, default);

        Assert.Collection(lines,
            first => Assert.Matches(@"^aws cleanrooms\.ListMemberships attempt 1: 429 ThrottlingException in \d+ ms, will retry \[request req-ThrottlingException\]$", first),
            second => Assert.Matches(@"^aws cleanrooms\.ListMemberships attempt 2: 200 in \d+ ms, waited 0 ms rate limit \+ \d+ ms backoff$", second));
    }

    [Fact]
    public async Task The_call_summary_counts_calls_retries_throttles_and_failures_per_operation()
    {
        await using var server = await RecordingServer.StartAsync();
        var throttleOnce = 0;
        server.Respond(request => request.Path switch
        {
            "/configuredTables" when Interlocked.Increment(ref throttleOnce) == 1 => CannedResponse.Error(429, "ThrottlingException", "{}"),
            "/configuredTables" => CannedResponse.Json("""{"configuredTableSummaries":[]}"""),
            _ => CannedResponse.Error(404, "ResourceNotFoundException", """{"message":"no"}"""),
        });
        var summary = new AwsCallSummary();
        var api = TestClients.Create(server, TestClients.FastRetries, summary);

        await api.ListConfiguredTablesAsync(default);
        await api.ListConfiguredTablesAsync(default);
        await Assert.ThrowsAsync<AwsApiException>(() => api.GetMembershipAsync(MembershipId, default));

        var totals = summary.Snapshot().Select(t => t with { TimeWaiting = TimeSpan.Zero }).ToList();
        Assert.Equal(
        [
            new OperationCallTotals("cleanrooms", "GetMembership", Calls: 1, Retries: 0, Throttles: 0, Failures: 1, TimeSpan.Zero),
            new OperationCallTotals("cleanrooms", "ListConfiguredTables", Calls: 2, Retries: 1, Throttles: 1, Failures: 0, TimeSpan.Zero),
        ], totals);
    }

    [Fact]
    public void The_call_summary_renders_as_an_aligned_table_with_a_total_row()
    {
        var lines = CallSummaryTable.Render(
        [
            new OperationCallTotals("cleanrooms", "GetMembership", 12, 0, 0, 1, TimeSpan.Zero),
            new OperationCallTotals("cleanrooms", "ListConfiguredTables", 3, 2, 2, 0, TimeSpan.FromMilliseconds(1250)),
        ]);

        Assert.Equal(
        [
            "operation                        calls  retries  throttled  failed  waited",
            "cleanrooms.GetMembership            12        0          0       1   0.0 s",
            "cleanrooms.ListConfiguredTables      3        2          2       0   1.3 s",
            "total                               15        2          2       1   1.3 s",
        ], lines);
        Assert.Equal(["No AWS calls were made."], CallSummaryTable.Render([]));
    }

    [Fact]
    public void A_rate_cut_is_one_verbose_line_and_rates_read_as_given_estimated_or_at_least()
    {
        var lines = new List<string>();
        var estimated = new Http.OperationRate("CreateMembership", 20.06, Http.RateBasis.Estimated, 14.04, 3);

        new AwsCallLog(AwsLogLevel.Verbose, lines.Add).OnRateCut("cleanrooms", estimated);
        new AwsCallLog(AwsLogLevel.Quiet, lines.Add).OnRateCut("cleanrooms", estimated);
        new AwsCallLog(AwsLogLevel.Debug, lines.Add).OnRateCut("cleanrooms", estimated with { Rate = 5, Basis = Http.RateBasis.Given, Pace = 2.5 });

        Assert.Equal(
        [
            "aws cleanrooms.CreateMembership rate: throttled; the service allows about 20.1/s, pacing at 14/s and climbing back",
            "aws cleanrooms.CreateMembership rate: throttled; quota 5/s (--max-rps), pacing at 2.5/s and climbing back",
        ], lines);
        Assert.Equal(["~20.1", "5", ">=6.2"], new[] { estimated, estimated with { Rate = 5, Basis = Http.RateBasis.Given },
            estimated with { Rate = 6.24, Basis = Http.RateBasis.AtLeast } }.Select(RateText.Of));
    }

    [Fact]
    public void The_call_summary_gives_each_paced_operation_its_rate()
    {
        var summary = new AwsCallSummary();
        summary.OnCallCompleted(new AwsCallRecord("cleanrooms", "GetMembership", 1, true, null, TimeSpan.Zero));
        summary.OnCallCompleted(new AwsCallRecord("sts", "GetCallerIdentity", 1, true, null, TimeSpan.Zero));
        var rate = new Http.OperationRate("GetMembership", 6, Http.RateBasis.AtLeast, 6, 0);

        var totals = summary.Snapshot([rate]);

        Assert.Equal([rate, null], totals.Select(t => t.Rate));
    }

    [Theory]
    [InlineData("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/cleanrooms/aws4_request, Signature=abc", "AWS4-HMAC-SHA256 ***")]
    [InlineData("x-amz-security-token", "token", "***")]
    [InlineData("Content-Type", "application/json", "application/json")]
    public void Sensitive_headers_are_masked(string name, string value, string logged) => Assert.Equal(logged, Redaction.Header(name, value));

    [Fact]
    public void A_non_JSON_body_that_mentions_a_secret_is_withheld()
    {
        Assert.Equal("<40 characters withheld: may contain credentials>", Redaction.Body("<SecretAccessKey>abc</SecretAccessKey>xx"));
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", Redaction.Body("Action=GetCallerIdentity&Version=2011-06-15"));
    }
}
