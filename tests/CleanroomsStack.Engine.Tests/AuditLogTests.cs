using System.Text.Json;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Audit;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>The audit log: one JSON line per applied change, true to what AWS did, never torn, never a credential.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crs-audit-").FullName;

    [Fact]
    public async Task EveryLineNamesTimeCallerActionAddressIdChangedAttributesOutcomeAndRequestId()
    {
        await using var world = await StackWorld.StartAsync(1);

        var run = await world.UpAsync();

        var all = AuditAssert.Read(world.AuditPath);
        // After the changes, the membership's record of what it manages is written: a line of its own.
        var record = Assert.Single(all, e => e.Action == AuditEntry.RecordAction);
        var entries = all.Where(e => e != record).ToList();
        Assert.Equal(OnboardingWorld.ChangesPerCollaboration, entries.Count);
        Assert.Equal(run.Result.Outcomes.Select(o => o.Change.Address.ToString()).Order(), entries.Select(e => e.Address).Order());
        Assert.All(entries, e =>
        {
            Assert.Equal($"arn:aws:iam::{OnboardingWorld.Us}:user/demo", e.Caller);
            Assert.True(DateTimeOffset.TryParse(e.Time, out _), e.Time);
            Assert.Equal(("create", "succeeded"), (e.Action, e.Outcome));
            Assert.NotNull(e.AwsId);
            Assert.NotEmpty(e.Changes);
            Assert.Contains(e.Calls, c => c.RequestId == e.RequestId && c.Operation.StartsWith("Create", StringComparison.Ordinal));
        });
        Assert.Single(entries.Select(e => e.RunId).Distinct());
        var membership = Assert.Single(entries, e => e.Kind == "membership");
        Assert.Contains(new AuditAttribute("queryLogStatus", null, "ENABLED"), membership.Changes);
        Assert.Equal((await world.StateAsync()).MembershipIn(OnboardingWorld.CollaborationId(1), OnboardingWorld.Us)!.Id, membership.AwsId);
        Assert.Equal((membership.Kind, membership.Address, membership.AwsId, "succeeded"), (record.Kind, record.Address, record.AwsId, record.Outcome));
        Assert.Contains(new AuditAttribute($"tags.{ManagedRecord.Key}", null, $"v1 {OnboardingWorld.ChangesPerCollaboration - 1}"), record.Changes);
        Assert.Contains(record.Calls, c => c.RequestId == record.RequestId && c.Operation == "TagResource");
        Assert.Equal(entries[0].RunId, record.RunId);
    }

    [Fact]
    public void ALineCutOffByACrashIsClosedSoEveryLaterLineStillParses()
    {
        var path = Path.Combine(folder, "audit.jsonl");
        File.WriteAllText(path, "{\"time\":\"2026-01-01T00:00:00.000Z\",\"runId\":\"a\"\n{\"time\":\"2026-01-0");

        using (var log = new AuditLog(path, "arn:aws:iam::111122223333:user/ci")) log.OnFinished(Succeeded("m-1"));

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("{\"time\":\"2026-01-0", lines[1]);
        var entry = JsonSerializer.Deserialize<AuditEntry>(lines[2], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(("m-1", "arn:aws:iam::111122223333:user/ci"), (entry.AwsId, entry.Caller));
    }

    [Fact]
    public async Task ConcurrentRunsWritingTheSameFileNeverInterleaveLines()
    {
        var path = Path.Combine(folder, "shared.jsonl");
        using var first = new AuditLog(path, "arn:aws:iam::111122223333:user/one");
        using var second = new AuditLog(path, "arn:aws:iam::111122223333:user/two");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++) (t % 2 == 0 ? first : second).OnFinished(Succeeded($"id-{t}-{i}"));
        })));

        var lines = File.ReadAllLines(path);
        Assert.Equal(800, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Equal(800, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("awsId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task ALineWaitsWhileAnotherProcessHoldsTheFileAndIsThenAppendedWhole()
    {
        var path = Path.Combine(folder, "held.jsonl");
        using var log = new AuditLog(path, "arn:aws:iam::111122223333:user/ci");
        var other = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None); // as another `up` mid-write
        other.Write("{\"from\":\"another run\"}\n"u8);

        var writing = Task.Run(() => log.OnFinished(Succeeded("m-2")));
        await Task.Delay(300);
        Assert.False(writing.IsCompleted, "the line was written while another process held the file");
        other.Dispose();
        await writing.WaitAsync(TimeSpan.FromSeconds(10));

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("m-2", JsonDocument.Parse(lines[1]).RootElement.GetProperty("awsId").GetString());
    }

    [Fact]
    public void SkippedChangesDidNothingAndAreNotLogged()
    {
        var path = Path.Combine(folder, "skips.jsonl");
        using (var log = new AuditLog(path, "arn:aws:iam::111122223333:user/ci"))
            log.OnFinished(new ChangeOutcome(MembershipCreate(), OutcomeStatus.Skipped, TimeSpan.Zero, Message: "skipped: interrupted"));

        Assert.Equal("", File.ReadAllText(path));
    }

    [Fact]
    public void TheDefaultLogLivesBesideTheConfig()
    {
        var config = Path.Combine(folder, "repo", "collaborations.yaml");

        Assert.Equal(Path.Combine(folder, "repo", ".cleanrooms-stack", "audit.jsonl"), AuditLog.DefaultPathFor(config));
    }

    private static ResourceChange MembershipCreate() => new(ResourceAddress.Membership("c-1"), ChangeAction.Create, "invited",
        [new AttributeDiff("queryLogStatus", null, "ENABLED")], Desired: new MembershipSpec("c-1", "ENABLED"));

    private static ChangeOutcome Succeeded(string id) =>
        new(MembershipCreate(), OutcomeStatus.Succeeded, TimeSpan.FromMilliseconds(5), id, Calls: [new AwsCall("CreateMembership", $"req-{id}")]);

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
