using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Engine;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// The steps preview and up share: load and validate the config (before any AWS call), connect, compute the plan.
/// Each step reports its own problems and returns null so commands stay linear.
/// </summary>
internal sealed class StackRun(RunSettings settings, CliIo io)
{
    public StackConfig? LoadConfig()
    {
        if (!File.Exists(settings.ConfigPath))
        {
            io.Error.WriteLine($"error: config file '{settings.ConfigPath}' not found.");
            io.Error.WriteLine("  hint: run in the folder that holds collaborations.yaml, or pass --config <file>.");
            return null;
        }
        var result = ConfigLoader.Load(File.ReadAllText(settings.ConfigPath), settings.ConfigPath);
        DiagnosticsView.Write(io.Error, result.Diagnostics);
        return result.Diagnostics.HasErrors() ? null : result.Config;
    }

    public async Task<PlanningResult?> PlanAsync(ApiSession session, StackConfig config, CancellationToken ct)
    {
        io.Out.WriteLine($"Reading live state from {session.Describe()} ...");
        var result = await new StackPipeline(session.Api, session.Region, settings.Parallel).PlanAsync(config, ct);
        if (!result.Failed) return result; // the plan view shows its own warnings
        DiagnosticsView.Write(io.Error, result.Diagnostics);
        return null;
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
            io.Error.WriteLine($"error: AWS {e.Operation} failed: {ErrorText.Describe(e)}");
            io.Error.WriteLine($"  hint: {ErrorHints.For(e)}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }
}
