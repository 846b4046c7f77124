using System.CommandLine;

namespace CleanroomsStack.Cli.Commands;

/// <summary>What every stack command shares, parsed into one record.</summary>
public sealed record RunSettings(
    string ConfigPath,
    bool Local,
    string LocalDir,
    bool ResetLocal,
    string? Profile,
    string? Region,
    string? EndpointUrl,
    int Parallel,
    double? MaxRps,
    string? ReadCache,
    bool NoColor,
    IReadOnlyList<string> Targets,
    bool Verbose,
    bool Debug);

/// <summary>The options behind <see cref="RunSettings"/>; added once to the root and inherited by every command.</summary>
internal sealed class CommonOptions
{
    private readonly Func<string, string?> environment;

    /// <param name="environment">Reads an environment variable (NO_COLOR); tests pass their own.</param>
    public CommonOptions(Func<string, string?>? environment = null)
    {
        this.environment = environment ?? Environment.GetEnvironmentVariable;
        AddValidators();
    }

    public const string DefaultLocalDir = ".cleanrooms-local";

    private readonly Option<string> config = new("--config", "-c")
    { Description = "Path of the configuration file.", DefaultValueFactory = _ => "collaborations.yaml", Recursive = true };
    private readonly Option<bool> local = new("--local")
    { Description = "Run against an embedded local emulator with the demo world instead of AWS.", Recursive = true };
    private readonly Option<string> localDir = new("--local-dir")
    { Description = "Where --local keeps the emulator's state between runs.", DefaultValueFactory = _ => DefaultLocalDir, Recursive = true };
    private readonly Option<bool> resetLocal = new("--reset-local")
    { Description = "With --local: start over from the demo world.", Recursive = true };
    private readonly Option<string?> profile = new("--profile")
    { Description = "AWS profile from the shared config/credentials files (as the AWS CLI).", Recursive = true };
    private readonly Option<string?> region = new("--region")
    { Description = "AWS region; overrides AWS_REGION, the profile and the config file.", Recursive = true };
    private readonly Option<string?> endpointUrl = new("--endpoint-url")
    { Description = "Send every AWS call to this endpoint (e.g. a standalone emulator).", Recursive = true };
    private readonly Option<int> parallel = new("--parallel")
    { Description = "How many collaborations to work on at once.", DefaultValueFactory = _ => Engine.Applying.ApplyOptions.DefaultParallelism, Recursive = true };
    private readonly Option<double?> maxRps = new("--max-rps")
    {
        Description = "The account's known quota of requests per second per AWS operation: start there, never exceed it. [default: none: start at AWS's documented 5/s and find the account's rate; unlimited with --local]",
        Recursive = true,
    };
    private readonly Option<string?> readCache = new("--read-cache")
    {
        Description = "Folder of a cache of live-state details and learned request rates (never credentials): what did not change since the last run is not read again. [default: off]",
        HelpName = "dir",
        Recursive = true,
    };
    private readonly Option<bool> noColor = new("--no-color")
    { Description = "Plain output without colour (also when NO_COLOR is set).", Recursive = true };
    private readonly Option<string[]> target = new("--target", "-t")
    { Description = "Only this collaboration (name or id); repeatable.", Recursive = true, AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> verbose = new("--verbose", "-v")
    { Description = "Log every AWS call (operation, status, latency, attempt, throttle waits) to stderr.", Recursive = true };
    private readonly Option<bool> debug = new("--debug")
    { Description = "Like --verbose, plus request and response bodies (credentials are always redacted).", Recursive = true };

    /// <summary>Adds the options to a command; one option object may serve several commands.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { config, local, localDir, resetLocal, profile, region, endpointUrl, parallel, maxRps, readCache, noColor, target, verbose, debug })
            command.Options.Add(option);
    }

    private void AddValidators()
    {
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--parallel must be between 1 and 64.");
        });
        region.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } name && !Core.Config.Formats.IsRegion(name))
                r.AddError($"--region '{Core.Rendering.TerminalText.Escape(name)}' is not an AWS region name: use one like us-east-1 or eu-west-2.");
        });
        maxRps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } rps && !(rps > 0 && rps <= 10_000))
                r.AddError("--max-rps must be a number of requests per second above 0 and at most 10000 (e.g. --max-rps 5).");
        });
    }

    public RunSettings Read(ParseResult r) => new(
        r.GetValue(config)!, r.GetValue(local), r.GetValue(localDir)!, r.GetValue(resetLocal),
        r.GetValue(profile), r.GetValue(region), r.GetValue(endpointUrl), r.GetValue(parallel), r.GetValue(maxRps), r.GetValue(readCache),
        // https://no-color.org: any non-empty NO_COLOR turns colour off, as --no-color does.
        r.GetValue(noColor) || !string.IsNullOrEmpty(environment("NO_COLOR")),
        r.GetValue(target) ?? [], r.GetValue(verbose), r.GetValue(debug));
}
