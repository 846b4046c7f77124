using System.Diagnostics;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>The id of the resource a change ended with, and whether it was found rather than made.</summary>
internal sealed record Executed(string? AwsId, bool Adopted = false);

/// <summary>
/// Creates a resource on an API without idempotency tokens, so that neither a lost response nor a concurrent run
/// ever leaves two of it:
/// <list type="bullet">
/// <item>ConflictException ALREADY_EXISTS — or without a reason, which the model allows and CloudFormation reads as
/// "already exists" — means it is there: wait until reads show it (they lag), adopt it, align it (which refuses one that
/// isn't ours, naming both).</item>
/// <item>A transient failure (timeout, reset, 5xx) may have created it: re-read first; create again only if it isn't
/// there. If it was made but reads don't show it yet, the repeated create meets ALREADY_EXISTS, which adopts it.</item>
/// <item>Throttling, and a parent that reads don't show yet (NotFound or AccessDenied, which AWS answers for missing
/// resources, right after creating it), are waited out.</item>
/// </list>
/// Every wait is a bounded backoff (<see cref="ApplyOptions.Attempts"/>, <see cref="ApplyOptions.Visibility"/>).
/// </summary>
internal sealed class CreateOrAdopt(ApplyOptions options)
{
    /// <param name="create">The create call; returns the new id.</param>
    /// <param name="find">One read for the resource (given the conflict, if any); null when not (yet) visible.</param>
    /// <param name="align">Brings an adopted resource in line with the spec.</param>
    /// <param name="parentIsNew">The parent was created in this run, so a NotFound for it means "not visible yet".</param>
    public async Task<Executed> RunAsync(
        Func<Task<string>> create, Func<AwsApiException?, Task<string?>> find, Func<string, Task> align, bool parentIsNew, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            string created;
            try
            {
                created = await create();
            }
            catch (AwsApiException e) when (e.Kind == AwsErrorKind.Conflict && e.Reason is null or "ALREADY_EXISTS")
            {
                // Not found even after waiting: a same-named resource we can't match (e.g. another table); report the conflict.
                if (await WaitUntilVisibleAsync(() => find(e), ct) is not { } id) throw;
                await align(id);
                return new Executed(id, Adopted: true);
            }
            catch (AwsApiException e) when (IsWorthRepeating(e, parentIsNew))
            {
                if (!options.Attempts.Allows(attempt + 1, clock.Elapsed))
                {
                    if (IsParentLag(e, parentIsNew)) throw new NotVisibleException("the parent created in this run", clock.Elapsed);
                    throw;
                }
                if (IsParentLag(e, parentIsNew)) VisibilityWait.Waiting("the parent created in this run", clock.Elapsed);
                if (e.Kind == AwsErrorKind.Transient && await TryFindAsync(find) is { } id)
                {
                    await align(id);
                    return new Executed(id, Adopted: true);
                }
                await Task.Delay(options.Attempts.DelayBefore(attempt + 1), ct);
                continue;
            }

            // As AWS's CloudFormation handlers do, a create ends when reads show the resource, so the next run (or a
            // child created right after) doesn't meet a listing without it.
            var waited = Stopwatch.StartNew();
            try
            {
                if (await WaitUntilVisibleAsync(() => find(null), ct) is null) throw new NotVisibleException($"the created resource {created}", waited.Elapsed);
            }
            catch (CallNotStartedException)
            {
                // The run is stopping before reads confirmed it; AWS said it was made, and the next run's reads will show it.
            }
            return new Executed(created);
        }
    }

    /// <summary>Repeats a call that needs a parent created in this run while reads don't show the parent yet.</summary>
    public async Task<T> WhenParentVisibleAsync<T>(Func<Task<T>> call, bool parentIsNew, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (AwsApiException e) when (IsParentLag(e, parentIsNew))
            {
                if (!options.Attempts.Allows(attempt + 1, clock.Elapsed)) throw new NotVisibleException("the parent created in this run", clock.Elapsed);
                VisibilityWait.Waiting("the parent created in this run", clock.Elapsed);
                await Task.Delay(options.Attempts.DelayBefore(attempt + 1), ct);
            }
        }
    }

    private static bool IsWorthRepeating(AwsApiException e, bool parentIsNew) =>
        e.Kind is AwsErrorKind.Transient or AwsErrorKind.Throttled || IsParentLag(e, parentIsNew);

    private static bool IsParentLag(AwsApiException e, bool parentIsNew) => parentIsNew && (e.Kind is AwsErrorKind.NotFound or AwsErrorKind.AccessDenied);

    private async Task<string?> WaitUntilVisibleAsync(Func<Task<string?>> find, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; options.Visibility.Allows(attempt, clock.Elapsed); attempt++)
        {
            if (attempt > 1) await Task.Delay(options.Visibility.DelayBefore(attempt), ct);
            if (await TryFindAsync(find) is { } id) return id;
            VisibilityWait.Waiting("the resource", clock.Elapsed);
        }
        return null;
    }

    /// <summary>A read that fails transiently, or answers not-found/403 for what lags behind a write, tells nothing; the next create attempt will (ALREADY_EXISTS or a new resource).</summary>
    private static async Task<string?> TryFindAsync(Func<Task<string?>> find)
    {
        try
        {
            return await find();
        }
        catch (AwsApiException e) when (e.Kind is AwsErrorKind.Transient or AwsErrorKind.Throttled or AwsErrorKind.NotFound or AwsErrorKind.AccessDenied)
        {
            return null;
        }
    }

    private static Task<string?> TryFindAsync(Func<AwsApiException?, Task<string?>> find) => TryFindAsync(() => find(null));
}
