using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>Config text → load → expand → plan, failing the test on any config error.</summary>
internal static class Scenario
{
    public static StackConfig Config(string yaml)
    {
        var result = ConfigLoader.Load(yaml, "collaborations.yaml");
        Assert.True(result.Config is not null, "config failed to load:\n" + string.Join("\n", result.Diagnostics));
        return result.Config;
    }

    public static DesiredState Desired(string yaml, Inventory.Inventory? inventory = null) =>
        DesiredStateExpander.Expand(Config(yaml), inventory ?? DemoWorld.InventoryWith());

    public static Plan Plan(string yaml, LiveState live, Inventory.Inventory? inventory = null, PlanOptions? options = null) =>
        Planner.Create(Desired(yaml, inventory), live, options ?? PlanOptions.Default);

    public static LiveState Nothing => new([]);
}
