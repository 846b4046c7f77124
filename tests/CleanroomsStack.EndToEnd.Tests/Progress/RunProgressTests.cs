using CleanroomsStack.Cli.Views.Progress;
using CleanroomsStack.Engine.Applying;
using Microsoft.Extensions.Time.Testing;

namespace CleanroomsStack.EndToEnd.Tests.Progress;

/// <summary>The state behind the progress displays, fed by the engine's events and the client's call counts.</summary>
public sealed class RunProgressTests
{
    [Fact]
    public void ReadingCountsMembershipsReadOutOfThoseListedWithCallsThrottlesAndElapsedTime()
    {
        var clock = new FakeTimeProvider();
        var calls = new CallCounts(4, 0, 2);
        var progress = RunProgress.Reading(clock, () => calls);

        Assert.Equal("Reading live state: listing the account · 4 AWS calls, 2 in flight, 0 throttled · 0s elapsed", ProgressText.Headline(progress.Snapshot()));

        progress.OnMembershipsToRead(10);
        progress.OnMembershipRead();
        progress.OnMembershipRead();
        progress.OnMembershipRead();
        calls = new CallCounts(57, 2, 5);
        clock.Advance(TimeSpan.FromSeconds(72));

        Assert.Equal("Reading live state: 3/10 memberships read · 57 AWS calls, 5 in flight, 2 throttled · 1m12s elapsed", ProgressText.Headline(progress.Snapshot()));
    }

    [Fact]
    public void ApplyingCountsDoneOutOfTheChangesToMakeAndWhatIsInProgress()
    {
        var run = new ProgressFixture();
        run.Progress.OnStarted(run.Membership);
        run.Progress.OnFinished(ProgressFixture.Succeeded(run.Membership));
        run.Progress.OnStarted(run.Age);
        run.Progress.OnStarted(run.Income);
        run.Progress.OnFinished(new ChangeOutcome(run.Income, OutcomeStatus.Failed, TimeSpan.FromSeconds(1), Message: "AccessDenied"));
        run.Calls = new CallCounts(9, 1, 1);
        run.Clock.Advance(TimeSpan.FromSeconds(3));

        var snapshot = run.Progress.Snapshot();

        // The kept association is no change: 3 to make, not 4.
        Assert.Equal("Applying: 2/3 done · 1 in progress · 1 failed · 9 AWS calls, 1 in flight, 1 throttled · 3s elapsed", ProgressText.Headline(snapshot));
        Assert.Empty(snapshot.LongRunning);
    }

    [Fact]
    public void AChangeRunningForTenSecondsOrMoreIsNamedAsThePlanNamesItLongestFirst()
    {
        var run = new ProgressFixture();
        run.Progress.OnStarted(run.Age);
        run.Clock.Advance(TimeSpan.FromSeconds(3));
        run.Progress.OnStarted(run.Income);
        run.Clock.Advance(TimeSpan.FromSeconds(8));

        Assert.Equal(["still creating AMC Collaboration: table-association[acx_part_age] [11s elapsed]"], ProgressText.StillRunning(run.Progress.Snapshot()));

        run.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(
            ["still creating AMC Collaboration: table-association[acx_part_age] [13s elapsed]",
             "still updating AMC Collaboration: table-association[acx_part_income] [10s elapsed]"],
            ProgressText.StillRunning(run.Progress.Snapshot()));

        run.Progress.OnFinished(ProgressFixture.Succeeded(run.Age));
        Assert.Equal(["still updating AMC Collaboration: table-association[acx_part_income] [10s elapsed]"], ProgressText.StillRunning(run.Progress.Snapshot()));
    }

    [Fact]
    public void TheFirstCtrlCIsRememberedWithTheCallsThenInFlightAndSaysWhatHappensNext()
    {
        var run = new ProgressFixture();

        run.Progress.Stopping(4);
        run.Progress.Stopping(1); // a later notice doesn't change what the first one said

        Assert.Equal(4, run.Progress.Snapshot().StoppingWithCallsInFlight);
        Assert.Equal("stopping: 4 calls in flight will finish and no other will start; press Ctrl-C again to abandon them", ProgressText.Stopping(4));
        Assert.Equal("stopping: 1 call in flight will finish and no other will start; press Ctrl-C again to abandon it", ProgressText.Stopping(1));
        Assert.StartsWith("stopping: no call is in flight", ProgressText.Stopping(0));
    }

    [Fact]
    public void ManyLongRunningChangesAreNamedFiveAtATimeAndTheRestCounted()
    {
        var snapshot = new ProgressSnapshot(ProgressPhase.Applying, TimeSpan.FromSeconds(30), null, 0, 20, 0, 0, 8,
            Enumerable.Range(1, 8).Select(i => new RunningChange($"C: table-association[t{i}]", "creating", TimeSpan.FromSeconds(30 - i))).ToList(),
            CallCounts.None, null);

        var lines = ProgressText.StillRunning(snapshot).ToList();

        Assert.Equal(6, lines.Count);
        Assert.Equal("… and 3 more running for over 10s", lines[^1]);
    }
}
