using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Reading;

namespace CleanroomsStack.Engine;

/// <summary>Everything a plan was computed from, kept together so callers can show or save any part of it.</summary>
public sealed record PlanningResult(
    Inventory? Inventory, DesiredState? Desired, LiveState? Live, Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Failed => Plan is null;
}

/// <summary>
/// The read side of the pipeline: inventory → desired state → live state → plan. Expansion errors stop it before any
/// live-state read; the config was validated before anything reached AWS. A read cache, if given, spares the Gets of
/// resources that did not change since it was written.
/// </summary>
public sealed class StackPipeline(ICleanRoomsApi api, string region, int parallelism, IReadCache? cache = null)
{
    public async Task<PlanningResult> PlanAsync(StackConfig config, PlanOptions options, CancellationToken ct)
    {
        var listed = config.Collaborations.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        // An invitation policy may match any pending invitation or membership, so then all of them are read.
        var (inventory, memberships) = await new InventoryReader(api, region, parallelism).ReadAsync(listed, config.ManagesUnlistedCollaborations, ct);
        var collaborationIds = inventory.Collaborations
            .Where(c => listed.Contains(c.Id) || config.ManagesUnlistedCollaborations && InventoryReader.IsOpen(c.MemberStatus))
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var desired = DesiredStateExpander.Expand(config, inventory);
        if (desired.Diagnostics.HasErrors())
            return new PlanningResult(inventory, desired, null, null, desired.Diagnostics);
        var live = await new LiveStateReader(api, parallelism, cache).ReadAsync(memberships, collaborationIds, ct);
        var plan = Planner.Create(desired, live, options);
        return new PlanningResult(inventory, desired, live, plan, plan.Diagnostics);
    }
}
