using System.Text.Json.Nodes;
using CleanroomsStack.Cli;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>`cleanrooms-stack emulator` runs standalone with the fault flags it was given.</summary>
public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task TheStandaloneEmulatorServesWithTheFaultSettingsOfItsFlagsUntilStopped()
    {
        var port = CliProcess.FreePort();
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = CliApp.RunAsync(
            ["emulator", "--port", $"{port}", "--rate-limit", "3", "--error-rate", "0.25", "--latency-ms", "5", "--seed", "9"],
            CliIo.Captured(output, new StringWriter()), stop.Token);

        using var http = new HttpClient();
        var faults = await PollAsync(() => http.GetStringAsync($"http://127.0.0.1:{port}/_emulator/faults"));
        stop.Cancel();

        Assert.Equal(0, await run);
        var settings = JsonNode.Parse(faults)!;
        Assert.Equal(3, settings["rateLimit"]!.GetValue<double>());
        Assert.Equal(0.25, settings["errorRate"]!.GetValue<double>());
        Assert.Equal(5, settings["latencyMs"]!.GetValue<int>());
        Assert.Equal(9, settings["seed"]!.GetValue<int>());
        Assert.Contains($"listening on http://127.0.0.1:{port}/", output.ToString());
        Assert.Contains("AWS_ACCESS_KEY_ID=AKIA239083076653TEST", output.ToString());
    }

    [Fact]
    public async Task AnErrorRateOutsideZeroToOneIsRefusedWithTheFix()
    {
        var result = await CliHarness.RunAsync("emulator", "--error-rate", "30");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shares between 0 and 1", result.Error);
    }

    private static async Task<string> PollAsync(Func<Task<string>> get)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await get(); }
            catch (HttpRequestException) when (attempt < 100) { await Task.Delay(100); }
        }
    }
}
