using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Cli.Views.Progress;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Cli.Commands;

/// <summary>A valid config, the exact text it came from and that of the files it extends (saved plans are bound to all of them).</summary>
internal sealed record LoadedConfig(StackConfig Config, string Text, IReadOnlyList<ConfigSource> Extended)
{
    /// <summary>What a saved plan is bound to: this file's text and every extended file's, each with its path.</summary>
    public string BoundText => string.Concat(Extended.Select(f => $"\n# extends {f.Path}\n{f.Text}").Prepend(Text));
}

/// <summary>A file a command will write, named as the user gave it (e.g. <c>--out</c>), with what to pass instead if it can't be.</summary>
internal sealed record OutputFile(string Path, string Option, string Fix);

/// <summary>
/// The steps preview and up share: load and validate the config (before any AWS call), connect, compute the plan.
/// Each step reports its own problems and returns null so commands stay linear.
/// </summary>
internal sealed class StackRun(RunSettings settings, CliIo io)
{
    private ReadCacheFile? readCache;

    /// <summary>The --read-cache of this run, opened at its first use; null when none was given.</summary>
    public ReadCacheFile? ReadCache => readCache ??= ReadCacheFile.Open(settings.ReadCache, settings.Stack, io.Error);

    /// <summary>Loads and validates the config (all diagnostics at once) and narrows it to the --target collaborations.</summary>
    public LoadedConfig? LoadConfig() =>
        LoadWholeConfig() is { } whole && Targets.Apply(whole.Config, settings.Targets, io.Error) is { } config ? whole with { Config = config } : null;

    /// <summary>Loads and validates the config, every collaboration of it whatever --target says.</summary>
    public LoadedConfig? LoadWholeConfig()
    {
        var (text, result) = ConfigFiles.Load(settings);
        if (result.Diagnostics.HasErrors() || result.Config is null)
        {
            DiagnosticsView.Write(io.Error, result.Diagnostics);
            return null;
        }
        return new LoadedConfig(result.Config, text, result.Extended);
    }

    public async Task<PlanningResult?> PlanAsync(ApiSession session, StackConfig config, CancellationToken ct, PlanOptions? options = null)
    {
        io.Error.WriteLine($"Reading live state from {session.Describe()} ...");
        var cache = ReadCache;
        var progress = RunProgress.Reading(TimeProvider.System, session.CountCalls);
        PlanningResult result;
        await using (ProgressDisplays.Start(progress, io, io.Error, settings))
            result = await new StackPipeline(session.Api, session.Region, settings.Parallel, cache?.Cache, progress).PlanAsync(config, options ?? PlanOptions.Default, ct);
        if (result.Live is not null) cache?.Save();
        if (!result.Failed) return result; // the plan view shows its own warnings
        DiagnosticsView.Write(io.Error, result.Diagnostics);
        return null;
    }

    /// <summary>A plan made ready for `up`: the records of what it keeps, which planning reads only where it creates (<see cref="StackPipeline.ReadRecordsAsync"/>).</summary>
    public Task<PlanningResult> ReadRecordsAsync(ApiSession session, PlanningResult planning, CancellationToken ct) =>
        new StackPipeline(session.Api, session.Region, settings.Parallel).ReadRecordsAsync(planning, ct);

    /// <summary>
    /// The frame of every command that talks to AWS, guarded as <see cref="GuardAsync"/>: load and validate the config
    /// (stopping before any call when it is wrong), open the session for its region, run the body, close the session.
    /// </summary>
    public Task<int> WithSessionAsync(Func<LoadedConfig, ApiSession, Task<int>> body, CancellationToken ct, params OutputFile[] outputs) =>
        GuardAsync(async () =>
        {
            CheckFiles(outputs);
            if (LoadConfig() is not { } loaded) return ExitCodes.Error;
            await using var session = await ApiSession.OpenAsync(settings, loaded.Config.Region, io.Error, ct);
            var exit = await body(loaded, session);
            session.Finish(io.Error);
            return exit;
        });

    /// <summary>
    /// Refuses, before any AWS call, outputs that are not regular files (or "-" for stdout) and a read cache that is
    /// not a folder: a run must not end by replacing /dev/full or blocking on a FIFO after minutes of reading.
    /// </summary>
    public void CheckFiles(params OutputFile[] outputs)
    {
        if (settings.ReadCache is { } cache)
            SafeFiles.RequireCacheFolder(cache, ReadCacheFile.FileNameFor(settings.Stack), LearnedRatesFile.FileNameFor(settings.Stack));
        foreach (var output in outputs.Where(o => o.Path != SafeFiles.StandardOutput))
            SafeFiles.RequireWritableTarget(output.Path, output.Option, output.Fix);
    }

    /// <summary>Runs a command body, turning AWS and credential failures into a clear message and exit code 1.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (AwsApiException e)
        {
            // AWS's message (or a hostile endpoint's) is printed escaped, as every string from outside.
            io.Error.WriteLine($"error: AWS {e.Operation} failed: {TerminalText.Escape(ErrorText.Describe(e))}");
            io.Error.WriteLine($"  hint: {TerminalText.Escape(FailureHints.For(e))}");
            return ExitCodes.Error;
        }
        catch (AwsConfigurationException e)
        {
            io.Error.WriteLine($"error: {TerminalText.Escape(e.Message)}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }
}
