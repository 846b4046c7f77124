using System.Diagnostics;
using CleanroomsStack.Emulator;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>What a mistyped command line or an unreachable endpoint gets: one error, the likely fix, and no long wait.</summary>
public sealed class MistakesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crs-mistakes-").FullName;

    [Theory]
    [InlineData("previw", "error: unknown command or argument 'previw'", "did you mean `preview`? See `cleanrooms-stack preview --help`.")]
    [InlineData("preview --lcoal", "error: unknown option '--lcoal' for `cleanrooms-stack preview`.", "did you mean `--local`? See `cleanrooms-stack preview --help`.")]
    [InlineData("up --yse", "error: unknown option '--yse' for `cleanrooms-stack up`.", "did you mean `--yes`? See `cleanrooms-stack up --help`.")]
    [InlineData("export pulumy", "error: unknown command or argument 'pulumy'", "did you mean `pulumi`? See `cleanrooms-stack export pulumi --help`.")]
    [InlineData("preview --bogus", "error: unknown option '--bogus' for `cleanrooms-stack preview`.", "  hint: see `cleanrooms-stack preview --help`.")]
    public async Task AMistypedCommandLineGetsOneErrorTheClosestNameAndTheWayToTheHelp(string line, string error, string hint)
    {
        var result = await CliHarness.RunAsync(line.Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.True(lines.Length == 2, result.ToString());
        Assert.StartsWith(error, lines[0]);
        Assert.EndsWith(hint, lines[1]);
        Assert.DoesNotContain("Required command", result.Error);
    }

    [Fact]
    public async Task AnOptionFarFromEveryNameGetsNoSuggestion()
    {
        var result = await CliHarness.RunAsync("preview", "--bogus");

        Assert.DoesNotContain("did you mean", result.Error);
    }

    [Fact]
    public async Task RegionIsCheckedLikeTheConfigsRegionBeforeAnyCall()
    {
        var result = await CliHarness.RunAsync("preview", "--region", "mars-1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: --region 'mars-1' is not an AWS region name: use one like us-east-1", result.Error);
        Assert.DoesNotContain("Reading live state", result.Error);
    }

    public static TheoryData<string> Unreachable => new() { "refused", "dns", "tls" };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task AnUnreachableEndpointIsReportedWithinTenSecondsNamingEndpointRegionAndWhatToCheck(string failure)
    {
        await using var plainHttp = await EmulatorServer.StartAsync(new EmulatorOptions());
        var endpoint = failure switch
        {
            "refused" => $"http://127.0.0.1:{CliProcess.FreePort()}",
            "dns" => "http://cleanrooms.nowhere.invalid",
            _ => $"https://127.0.0.1:{plainHttp.Endpoint.Port}", // TLS to a plain-HTTP server: the handshake fails
        };
        File.Copy(RepoRoot.File("collaborations.yaml"), Path.Combine(folder, "collaborations.yaml"));
        var clock = Stopwatch.StartNew();

        using var run = CliProcess.Start(folder, new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        }, "preview", "--endpoint-url", endpoint, "--region", "eu-west-2");

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(10)), $"still trying after 10 s:\n{run.Error}");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Reading live state from {endpoint} (", run.Error);
        Assert.Contains($"could not reach {endpoint} (region eu-west-2)", run.Error);
        Assert.Contains("check the endpoint (--endpoint-url", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
