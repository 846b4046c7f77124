using System.Text.RegularExpressions;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Issue #14: `up` against an emulator whose listings are malformed (docs/emulator.md, <c>malformedListings</c>) stops
/// with exit 1 and one message naming the operation and the field, before anything is planned: no stack trace, no write
/// call, nothing in the audit log, the account as it was. The config differs from the account, so a run that trusted the
/// listing would write.
/// </summary>
public sealed class MalformedResponseTests(MalformedResponseTests.Joined world) : IClassFixture<MalformedResponseTests.Joined>
{
    /// <summary>Our account joined the AMC collaboration (so listings have items), and a config that asks for changes.</summary>
    public sealed class Joined : IAsyncLifetime
    {
        public CliHarness Cli { get; } = new();

        public async Task InitializeAsync()
        {
            var up = await Cli.RunLocalAsync("up", "--yes");
            Assert.True(up.ExitCode == 0, up.ToString());
            File.WriteAllText(Cli.ConfigPath, File.ReadAllText(Cli.ConfigPath)
                .Replace("queryLogStatus: ENABLED", "queryLogStatus: DISABLED")
                .Replace("for Clean Rooms joins", "for Clean Rooms joins (v2)"));
        }

        public Task DisposeAsync()
        {
            Cli.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("ListMemberships", """{ "removeMember": "id" }""", "'membershipSummaries[0].id'")]
    [InlineData("ListMemberships", """{ "removeMember": "status" }""", "'membershipSummaries[0].status'")]
    [InlineData("ListConfiguredTableAssociations", """{ "removeMember": "id" }""", "'configuredTableAssociationSummaries[0].id'")]
    [InlineData("ListMemberships", """{ "replaceMembers": { "status": "SUSPENDED" } }""",
        "'membershipSummaries[0].status' holds the unknown value 'SUSPENDED' of membership status")]
    [InlineData("ListConfiguredTableAssociations", """{ "twoBodies": "name" }""", "twice with different member 'name'")]
    public async Task A_malformed_listing_stops_up_naming_the_operation_and_the_field_and_changes_nothing(
        string operation, string fault, string field)
    {
        var run = await RunWithAsync(operation, fault);

        AssertStoppedBeforeAnyChange(run, operation, field);
    }

    [Fact]
    public async Task An_endless_nextToken_stops_after_the_page_bound_which_the_default_rate_reaches_within_30_s()
    {
        var run = await RunWithAsync("ListMemberships", """{ "endlessNextToken": true }""");

        AssertStoppedBeforeAnyChange(run, "ListMemberships", "the listing did not end after ");
        var bound = int.Parse(Regex.Match(run.Result.Error, @"did not end after (\d+) pages").Groups[1].Value);
        var pages = Regex.Matches(run.Result.Error, @"aws cleanrooms\.ListMemberships attempt").Count;
        Assert.Equal(bound, pages);
        // --local doesn't pace the client; against AWS the default rate paces the same pages: a burst, then one per 1/rate.
        var atDefaultRate = (pages - RateLimitOptions.Default.Burst) / RateLimitOptions.Default.RequestsPerSecond;
        Assert.True(atDefaultRate <= 30, $"{pages} pages take {atDefaultRate} s at the default rate");
    }

    private sealed record Run(CliResult Result, string AuditLog, string StateBefore, string StateAfter);

    /// <summary>`up --yes --verbose` (one line per AWS call) with the listing made malformed, into an audit log of its own.</summary>
    private async Task<Run> RunWithAsync(string operation, string fault)
    {
        var cli = world.Cli;
        var before = File.ReadAllText(cli.StateFile);
        File.WriteAllText(Path.Combine(cli.LocalDir, "emulator-faults.json"),
            $$"""{ "behaviour": { "lagMs": {{CliHarness.LagMs}} }, "malformedListings": { "{{operation}}": {{fault}} } }""");
        var audit = Path.Combine(cli.Folder, $"audit-{Guid.NewGuid():N}.jsonl");
        try
        {
            var result = await cli.RunLocalAsync("up", "--yes", "--verbose", "--audit-log", audit);
            return new Run(result, audit, before, File.ReadAllText(cli.StateFile));
        }
        finally
        {
            File.WriteAllText(Path.Combine(cli.LocalDir, "emulator-faults.json"), $$"""{ "behaviour": { "lagMs": {{CliHarness.LagMs}} } }""");
        }
    }

    private static void AssertStoppedBeforeAnyChange(Run run, string operation, string field)
    {
        var (result, error) = (run.Result, run.Result.Error);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error: AWS {operation} failed: MalformedResponse: ", error);
        Assert.Contains(field, error);
        Assert.DoesNotMatch(@"(?m)^\s+at ", result.Out + error);
        Assert.DoesNotContain("CS2", result.Out + error); // an answer's fault, never a config diagnostic
        Assert.Matches(@"aws cleanrooms\.\w+ attempt", error); // the call log is on, so a write would show
        Assert.DoesNotMatch(@"aws cleanrooms\.(Create|Update|Delete|Tag|Untag)\w* attempt", error);
        Assert.True(!File.Exists(run.AuditLog) || new FileInfo(run.AuditLog).Length == 0, "the audit log has entries");
        Assert.Equal(run.StateBefore, run.StateAfter);
    }
}
