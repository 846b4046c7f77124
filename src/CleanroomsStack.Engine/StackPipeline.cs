using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Planning;
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
/// The read side of the pipeline: inventory → desired state → live state → plan. The live-state reads start as soon
/// as the account-wide lists say which memberships to read, alongside the inventory's ListMembers calls (other
/// operations, so other rate budgets); an expansion error cancels them and is reported alone. The config was
/// validated before anything reached AWS. A read cache, if given, spares the Gets of resources that did not change
/// since it was written. An observer, if given, hears how many memberships are read and when each is done.
/// </summary>
public sealed class StackPipeline(ICleanRoomsApi api, string region, int parallelism, IReadCache? cache = null, IReadObserver? observer = null)
{
    public async Task<PlanningResult> PlanAsync(StackConfig config, PlanOptions options, CancellationToken ct)
    {
        var named = config.Collaborations.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var inventoryReader = new InventoryReader(api, region, parallelism);
        var listing = await inventoryReader.ListAsync(named, ct);
        // An invitation policy may match any pending invitation or membership, so then all of them are read.
        var toRead = listing.ToRead(named, config.ManagesUnlistedCollaborations);

        using var liveReads = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var liveTask = new LiveStateReader(api, parallelism, cache, observer).ReadAsync(listing.Memberships, toRead, liveReads.Token, config.Reads, config.Leaves, config.NamesTags);
        Inventory inventory;
        DesiredState desired;
        try
        {
            inventory = await inventoryReader.CompleteAsync(listing, named, config.ManagesUnlistedCollaborations, ct);
            desired = DesiredStateExpander.Expand(config, inventory);
        }
        catch
        {
            await AbandonAsync(liveTask, liveReads);
            throw;
        }
        if (desired.Diagnostics.HasErrors())
        {
            await AbandonAsync(liveTask, liveReads);
            return new PlanningResult(inventory, desired, null, null, desired.Diagnostics);
        }
        var live = await liveTask;
        var plan = Planner.Create(desired, live, options);
        // Where the plan creates something in a live membership, its record tells a resource deleted outside the config
        // from pending work (ManagedRecord); the tags that hold it are read there only, and the plan made again with them.
        if (RecordReads.ToPlan(plan) is { Count: > 0 } unread)
        {
            live = live.WithTags(await MembershipTagReads.ReadAsync(api, unread, parallelism, ct));
            plan = Planner.Create(desired, live, options);
        }
        plan = await SchemaNameCheck.CheckAsync(api, plan, inventory.Caller.AccountId, parallelism, ct);
        return new PlanningResult(inventory, desired, live, plan, plan.Diagnostics);
    }

    /// <summary>
    /// The plan made ready for `up`: the record of every membership it keeps is read where the plan didn't need it
    /// (<see cref="RecordReads.ToApply"/>), because `up` rewrites a record that differs from what it leaves. Called after
    /// a saved plan was checked against <paramref name="planning"/>, which was read as `preview` reads.
    /// </summary>
    public async Task<PlanningResult> ReadRecordsAsync(PlanningResult planning, CancellationToken ct)
    {
        if (planning.Plan is not { } plan || RecordReads.ToApply(plan) is not { Count: > 0 } unread) return planning;
        var tags = await MembershipTagReads.ReadAsync(api, unread, parallelism, ct);
        return planning with { Live = planning.Live?.WithTags(tags), Plan = RecordReads.WithTags(plan, tags) };
    }

    /// <summary>Stops live reads whose result won't be used; whatever they end with (cancelled, or an AWS error) is moot.</summary>
    private static async Task AbandonAsync(Task liveTask, CancellationTokenSource liveReads)
    {
        await liveReads.CancelAsync();
        try { await liveTask; }
        catch (Exception) { /* the inventory's error or the expansion's diagnostics are what the caller needs */ }
    }
}
