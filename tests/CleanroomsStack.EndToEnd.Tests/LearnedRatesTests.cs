using System.Text.Json.Nodes;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Against an endpoint that isn't the embedded emulator and without --max-rps, the CLI finds each operation's rate by
/// itself: the up summary gives the rates, --verbose logs them, and --read-cache keeps them (learned-rates.json) as the
/// next run's starting point. Run as a child process, with the demo account's keys in its environment.
/// </summary>
public sealed class LearnedRatesTests : IDisposable
{
    private readonly CliHarness cli = new();

    private string CacheDir => Path.Combine(cli.Folder, "cache");

    private string RatesFile => Path.Combine(CacheDir, "learned-rates.json");

    [Fact]
    public async Task Up_shows_each_operations_rate_and_the_read_cache_keeps_it_for_the_next_run_of_the_same_endpoint()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            StateDirectory = cli.LocalDir, Faults = new FaultSettings { Behaviour = AwsBehaviour.Defaults with { LagMs = CliHarness.LagMs } },
        });
        var endpoint = emulator.Endpoint.ToString();

        var up = Run(endpoint, "up", "--yes", "--no-color", "--read-cache", CacheDir);

        Assert.Contains("waiting   rate/s", up.Output);
        Assert.Matches(@"\n  CreateConfiguredTableAssociation +25 .* >=\d", up.Output);
        var rates = JsonNode.Parse(File.ReadAllText(RatesFile))!;
        Assert.Equal((endpoint, "us-east-1"), (rates["endpoint"]!.GetValue<string>(), rates["region"]!.GetValue<string>()));
        Assert.True(rates["rates"]!["CreateConfiguredTableAssociation"]!["requestsPerSecond"]!.GetValue<double>() >= 5);

        // An earlier run's estimate is where the next one starts (and, never throttled here, stays).
        rates["rates"]!["ListMembers"] = new JsonObject { ["requestsPerSecond"] = 7.5, ["isEstimate"] = true };
        File.WriteAllText(RatesFile, rates.ToJsonString());
        var preview = Run(endpoint, "preview", "--verbose", "--read-cache", CacheDir);

        Assert.Contains("aws rate ListMembers: ~7.5/s (learned from throttling), 0 throttled", preview.Error);
        Assert.Contains("aws rate GetCallerIdentity: >=5/s (never throttled), 0 throttled", preview.Error);
        // Another endpoint's rates are not this one's.
        var elsewhere = Run(endpoint.Replace("127.0.0.1", "localhost"), "preview", "--verbose", "--read-cache", CacheDir);
        Assert.Contains("aws rate ListMembers: >=5/s (never throttled)", elsewhere.Error);
    }

    [Fact]
    public async Task A_corrupt_rates_file_gives_one_warning_and_the_run_starts_from_the_documented_rates()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { StateDirectory = cli.LocalDir });
        Directory.CreateDirectory(CacheDir);
        File.WriteAllText(RatesFile, "{\"formatVersion\": 1, \"rates\": {\"ListMembers\": ");

        var preview = Run(emulator.Endpoint.ToString(), "preview", "--read-cache", CacheDir);

        var warning = Assert.Single(preview.Error.Split('\n'), l => l.Contains("learned request rates"));
        Assert.StartsWith($"warning: ignoring the learned request rates '{RatesFile}' (", warning);
        Assert.EndsWith("); starting from AWS's documented rates.", warning);
        Assert.Equal(0, preview.ExitCode);
    }

    [Fact]
    public async Task A_stack_keeps_its_learned_rates_in_its_own_file_since_stacks_may_be_accounts_with_other_quotas()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { StateDirectory = cli.LocalDir });
        File.Copy(cli.ConfigPath, Path.Combine(cli.Folder, "collaborations.dev.yaml"));

        var preview = Run(emulator.Endpoint.ToString(), "preview", "--stack", "dev", "--read-cache", CacheDir);

        Assert.True(preview.ExitCode == 0, preview.Error);
        Assert.True(File.Exists(Path.Combine(CacheDir, "learned-rates.dev.json")), string.Join(", ", Directory.GetFiles(CacheDir)));
        Assert.False(File.Exists(RatesFile), "the default stack's rates file was written by the dev stack");
    }

    private CliProcess Run(string endpoint, params string[] args)
    {
        var run = CliProcess.Start(cli.Folder, new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = DemoWorld.AccessKeyId(DemoWorld.OurAccount),
            ["AWS_SECRET_ACCESS_KEY"] = DemoWorld.SecretAccessKey(DemoWorld.OurAccount),
        }, [.. args, "--endpoint-url", endpoint, "--region", "us-east-1", "--config", cli.ConfigPath]);
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(120)), run.Error);
        return run;
    }

    public void Dispose() => cli.Dispose();
}
