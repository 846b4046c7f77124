using System.CommandLine;

namespace CleanroomsStack.Cli.Commands;

/// <summary>What every stack command shares, parsed into one record.</summary>
/// <param name="ConfigPath">The config of the selected stack: --config, or with --stack NAME its collaborations.NAME.yaml.</param>
/// <param name="Stack">The stack's name; null for the default stack (collaborations.yaml).</param>
/// <param name="DefaultConfigPath">The default stack's config (the --config path), which a stack's file may extend.</param>
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
    bool Debug,
    string? Stack = null,
    string? DefaultConfigPath = null);

/// <summary>The options behind <see cref="RunSettings"/>; added once to the root and inherited by every command.</summary>
internal sealed class CommonOptions
{
    private readonly Func<string, string?> environment;

    /// <param name="environment">Reads an environment variable (NO_COLOR, CLEANROOMS_STACK); tests pass their own.</param>
    public CommonOptions(Func<string, string?>? environment = null)
    {
        this.environment = environment ?? Environment.GetEnvironmentVariable;
        AddValidators();
    }

    public const string DefaultLocalDir = ".cleanrooms-local";

    private readonly Option<string> config = new("--config", "-c")
    { Description = "Path of the configuration file.", DefaultValueFactory = _ => "collaborations.yaml", Recursive = true };
    private readonly Option<string?> stack = new("--stack", "-s")
    {
        Description = $"Use the stack NAME: collaborations.NAME.yaml beside --config, with its own audit log and read cache (also {StackFiles.Variable}).",
        HelpName = "name",
        Recursive = true,
    };
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
        // The variable is checked for every command, as the option is: a bad name must not fall back to the default stack.
        command.Validators.Add(r =>
        {
            if (r.GetValue(stack) is null && environment(StackFiles.Variable) is { Length: > 0 } name
                && StackFiles.Problem(name, StackFiles.Variable) is { } problem) r.AddError(problem);
        });
        foreach (var option in new Option[] { config, stack, local, localDir, resetLocal, profile, region, endpointUrl, parallel, maxRps, readCache, noColor, target, verbose, debug })
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
        stack.Validators.Add(r =>
        {
            if (StackFiles.Problem(r.GetValueOrDefault<string?>() ?? "", "--stack") is { } problem) r.AddError(problem);
        });
        maxRps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } rps && !(rps > 0 && rps <= 10_000))
                r.AddError("--max-rps must be a number of requests per second above 0 and at most 10000 (e.g. --max-rps 5).");
        });
    }

    public RunSettings Read(ParseResult r)
    {
        var shared = r.GetValue(config)!;
        // An empty variable is the default stack, so a workflow matrix can list it as "".
        var name = r.GetValue(stack) ?? environment(StackFiles.Variable);
        if (string.IsNullOrEmpty(name)) name = null;
        return new RunSettings(
            name is null ? shared : StackFiles.Of(shared, name), r.GetValue(local), r.GetValue(localDir)!, r.GetValue(resetLocal),
            r.GetValue(profile), r.GetValue(region), r.GetValue(endpointUrl), r.GetValue(parallel), r.GetValue(maxRps), r.GetValue(readCache),
            // https://no-color.org: any non-empty NO_COLOR turns colour off, as --no-color does.
            r.GetValue(noColor) || !string.IsNullOrEmpty(environment("NO_COLOR")),
            r.GetValue(target) ?? [], r.GetValue(verbose), r.GetValue(debug), name, shared);
    }
}
