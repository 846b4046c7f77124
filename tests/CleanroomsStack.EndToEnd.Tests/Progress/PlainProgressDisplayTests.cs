using CleanroomsStack.Cli.Views;
using CleanroomsStack.Cli.Views.Progress;

namespace CleanroomsStack.EndToEnd.Tests.Progress;

/// <summary>Progress in a log or with --no-color: plain lines, a status now and then, nothing that moves the cursor.</summary>
public sealed class PlainProgressDisplayTests
{
    [Fact]
    public async Task EachFinishedChangeGetsALineNamedAsThePlanNamesItANewMembershipByItsId()
    {
        var run = new ProgressFixture();
        using var output = new StringWriter();
        await using (var display = new PlainProgressDisplay(TerminalSafe.Writer(output), run.Progress, run.Clock, statusEvery: null))
        {
            display.OnFinished(ProgressFixture.Succeeded(run.Membership, awsId: "4aa4ae6e-ce08-4382-ab32-dac89ba2824c"));
            display.OnFinished(ProgressFixture.Succeeded(run.Age, seconds: 0.4));
            display.OnWaiting(run.Income, "waiting for the resource to show in AWS's reads (5 s so far)");
            run.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(
            "+ created AMC Collaboration: membership 4aa4ae6e-ce08-4382-ab32-dac89ba2824c (1.2s)\n" +
            "+ created AMC Collaboration: table-association[acx_part_age] (0.4s)\n" +
            "… AMC Collaboration: table-association[acx_part_income]: waiting for the resource to show in AWS's reads (5 s so far)\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task EveryTenSecondsItWritesTheStateOfTheRunAndTheChangesRunningLong()
    {
        var run = new ProgressFixture();
        using var output = new StringWriter();
        await using var display = new PlainProgressDisplay(TerminalSafe.Writer(output), run.Progress, run.Clock, TimeSpan.FromSeconds(10));
        run.Progress.OnStarted(run.Age);
        run.Calls = new CallCounts(12, 0, 3);

        run.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("", output.ToString());
        run.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(
            "… Applying: 0/3 done · 1 in progress · 0 failed · 12 AWS calls, 3 in flight, 0 throttled · 10s elapsed\n" +
            "  still creating AMC Collaboration: table-association[acx_part_age] [10s elapsed]\n",
            output.ToString().ReplaceLineEndings("\n"));
        run.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(4, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task NamesFromAwsArePrintedEscaped()
    {
        var run = new ProgressFixture("AMC\u001b]52;c;cm0gLXJmIH4=\u0007 Collaboration");
        using var output = new StringWriter();
        await using var display = new PlainProgressDisplay(TerminalSafe.Writer(output), run.Progress, run.Clock, TimeSpan.FromSeconds(10));
        run.Progress.OnStarted(run.Age);

        display.OnFinished(ProgressFixture.Succeeded(run.Membership));
        run.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.DoesNotContain('\u0007', output.ToString());
        Assert.Contains(@"+ created AMC\x1b]52;c;cm0gLXJmIH4=\x07 Collaboration: membership (1.2s)", output.ToString());
        Assert.Contains(@"still creating AMC\x1b]52;c;cm0gLXJmIH4=\x07 Collaboration: table-association[acx_part_age]", output.ToString());
    }
}
