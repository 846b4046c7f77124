using System.Diagnostics;
using System.Text.Json;
using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// Scenario 4: expand, plan and render M memberships × 25 tables from in-memory inputs. It runs in a child process
/// of the bench (<see cref="RunChildAsync"/>) so the peak memory is the planner's alone, and prints its timings as JSON.
/// </summary>
public static class PlanScenario
{
    public const string ChildVerb = "__plan";

    public static async Task<RunResult> MeasureAsync(BenchPaths paths, int invitations)
    {
        var outcome = await ChildRun.RunAsync("dotnet", [paths.BenchDll, ChildVerb, invitations.ToString(), paths.SampleConfig],
            new Dictionary<string, string>(), paths.Scratch);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"The in-memory plan of M={invitations} failed:\n{outcome.Tail}");
        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(outcome.Output.Trim().Split('\n')[^1])
                      ?? throw new InvalidOperationException("The in-memory plan printed no timings.");
        return new RunResult(ScenarioNames.Plan, "none", invitations, metrics["planSeconds"], outcome.PeakRssMb,
            new Dictionary<string, int>(), 0, null, outcome.ExitCode, metrics);
    }

    /// <summary>The child's side: build the inputs, then time each phase; allocation is counted for the plan alone.</summary>
    public static int RunChild(int invitations, string sampleConfigPath)
    {
        var config = InMemoryPlanInputs.Config(File.ReadAllText(sampleConfigPath), invitations);
        var inventory = InMemoryPlanInputs.Inventory(invitations);
        var clock = Stopwatch.StartNew();
        var desired = DesiredStateExpander.Expand(config, inventory);
        var expand = clock.Elapsed.TotalSeconds;
        var live = InMemoryPlanInputs.Live(desired);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var plan = Planner.Create(desired, live, PlanOptions.Default);
        var planSeconds = clock.Elapsed.TotalSeconds;
        var planAllocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;

        clock.Restart();
        var document = PlanDocument.From(plan);
        var text = PlanTextRenderer.Render(document);
        var renderText = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var json = PlanJson.Write(document);
        var renderJson = clock.Elapsed.TotalSeconds;

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["expandSeconds"] = expand,
            ["planSeconds"] = planSeconds,
            ["planAllocatedMb"] = Math.Round(planAllocatedMb, 1),
            ["renderTextSeconds"] = renderText,
            ["renderJsonSeconds"] = renderJson,
            ["resources"] = plan.Changes.Count(),
            ["changes"] = plan.Changes.Count(c => c.Action != ChangeAction.NoOp),
            ["textChars"] = text.Length,
            ["jsonChars"] = json.Length,
        }));
        return 0;
    }
}
