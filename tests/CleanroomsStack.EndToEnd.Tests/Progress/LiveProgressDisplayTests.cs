using CleanroomsStack.Cli.Views.Progress;
using Spectre.Console.Testing;

namespace CleanroomsStack.EndToEnd.Tests.Progress;

/// <summary>The live view on a terminal, rendered on Spectre's test console.</summary>
public sealed class LiveProgressDisplayTests
{
    [Fact]
    public void TheLiveAreaShowsTheHeadlineTheChangesRunningLongAndWhatCtrlCDoes()
    {
        var run = new ProgressFixture();
        run.Progress.OnStarted(run.Age);
        run.Calls = new CallCounts(20, 1, 4);
        run.Clock.Advance(TimeSpan.FromSeconds(12));
        run.Progress.Stopping(4);
        using var console = new TestConsole().Width(160);

        console.Write(LiveProgressDisplay.Frame(run.Progress.Snapshot(), "⠋", console.Profile.Width));

        Assert.Equal(
            [
                "⠋ Applying: 0/3 done · 1 in progress · 0 failed · 20 AWS calls, 4 in flight, 1 throttled · 12s elapsed",
                "  still creating AMC Collaboration: table-association[acx_part_age] [12s elapsed]",
                "stopping: 4 calls in flight will finish and no other will start; press Ctrl-C again to abandon them",
            ],
            console.Lines.Select(l => l.TrimEnd()).Where(l => l.Length > 0));
    }

    [Fact]
    public void ALineTooLongForTheTerminalIsCutNotWrappedSoTheLiveAreaKeepsItsHeight()
    {
        var run = new ProgressFixture(new string('x', 300));
        run.Progress.OnStarted(run.Age);
        run.Clock.Advance(TimeSpan.FromSeconds(12));
        using var console = new TestConsole().Width(80);

        console.Write(LiveProgressDisplay.Frame(run.Progress.Snapshot(), "⠋", console.Profile.Width));

        var lines = console.Lines.Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public async Task FinishedChangesPrintAboveTheLiveAreaEscapedAndTheAreaIsGoneWhenTheRunEnds()
    {
        var run = new ProgressFixture("AMC\u001b[2J Collaboration");
        using var console = new TestConsole().Width(160).Interactive().EmitAnsiSequences();

        await using (var display = new LiveProgressDisplay(console, run.Progress, TimeSpan.FromMilliseconds(20)))
        {
            run.Progress.OnStarted(run.Membership);
            display.Say(ProgressText.Stopping(2));
            display.OnFinished(ProgressFixture.Succeeded(run.Membership, awsId: "4aa4ae6e-ce08-4382-ab32-dac89ba2824c"));
            run.Progress.OnFinished(ProgressFixture.Succeeded(run.Membership));
            await Task.Delay(100); // a few redraws
        }

        var output = console.Output;
        Assert.Contains(@"+ created AMC\x1b[2J Collaboration: membership 4aa4ae6e-ce08-4382-ab32-dac89ba2824c (1.2s)", output);
        Assert.Contains("stopping: 2 calls in flight will finish", output);
        Assert.Contains("Applying: 1/3 done", output);
        Assert.DoesNotContain("\u001b[2J", output); // the name's own sequence never reaches the terminal
    }
}
