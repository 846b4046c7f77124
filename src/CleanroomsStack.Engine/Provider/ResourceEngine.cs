using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Engine.Reading;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Resources.AnalysisRule;
using CleanroomsStack.Engine.Resources.Membership;

namespace CleanroomsStack.Engine.Provider;

/// <summary>The id a change ended with, and whether an existing resource was adopted rather than created.</summary>
public sealed record AppliedChange(string? AwsId, bool Adopted);

/// <summary>
/// The engine for one resource at a time, as a resource provider (Pulumi's) drives it: each planned change goes through
/// its kind's engine (<see cref="KindEngines"/>) with the same create-or-adopt protocol, retries and leave protection as
/// the CLI's applier, so the provider carries no apply logic of its own.
/// </summary>
public sealed class ResourceEngine(ICleanRoomsApi api, ApplyOptions? options = null)
{
    private readonly ApplyOptions options = options ?? new ApplyOptions();

    /// <param name="membershipId">The membership a child lives in (null for a membership).</param>
    /// <param name="allowLeave">True only when the user opted in to leaving this change's collaboration.</param>
    public async Task<AppliedChange> ApplyAsync(ResourceChange change, string? membershipId, bool allowLeave, CancellationToken ct)
    {
        var applyOptions = allowLeave ? options with { AllowLeave = new HashSet<string> { change.Address.CollaborationId } } : options with { AllowLeave = new HashSet<string>() };
        var context = new ApplyContext(api, new CreateOrAdopt(applyOptions), applyOptions);
        var executed = await KindEngines.For(change.Kind).ExecuteAsync(context, change, new ParentIds(membershipId, change.ParentId, ParentIsNew: false), ct);
        return new AppliedChange(executed.AwsId, executed.Adopted);
    }

    /// <summary>One membership as the live-state reader sees it (without the resources inside), and who created its collaboration.</summary>
    public async Task<(MembershipState State, string CreatorAccountId)> ReadMembershipAsync(string membershipId, CancellationToken ct)
    {
        var m = await GetMembershipOrNotFoundAsync(membershipId, ct);
        return (StateOf(m, KindValues.Empty), m.CollaborationCreatorAccountId);
    }

    private static MembershipState StateOf(Ports.Shapes.Membership m, KindValues children) =>
        new(m.Id, m.Arn, m.CollaborationId, m.CollaborationName, m.Status, m.QueryLogStatus.Value, children,
            m.JobLogStatus?.Value, MembershipMapping.FromShape(m.DefaultResultConfiguration), MembershipMapping.FromShape(m.PaymentConfiguration));

    private Task<Ports.Shapes.Membership> GetMembershipOrNotFoundAsync(string membershipId, CancellationToken ct) =>
        GetOrNotFoundAsync(() => api.GetMembershipAsync(membershipId, ct),
            async () => (await api.ListMembershipsAsync(null, ct)).Any(m => m.Id == membershipId));

    /// <summary>
    /// AWS answers a missing resource with 403 AccessDenied as often as with 404: a denial whose listing no longer shows
    /// the resource is reported as NotFound (gone), and only a denial the listing confirms as a lack of permission.
    /// </summary>
    private static async Task<T> GetOrNotFoundAsync<T>(Func<Task<T>> get, Func<Task<bool>> listed)
    {
        try
        {
            return await get();
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.AccessDenied)
        {
            if (await listed()) throw;
            throw new AwsApiException(AwsErrorKind.NotFound, e.Operation, e.Code, $"{e.AwsMessage} (its listing no longer shows it: it is gone)",
                e.HttpStatus, e.RequestId);
        }
    }

    /// <summary>One table association with its collaboration analysis rules, as the live-state reader reads it.</summary>
    public async Task<TableAssociationState> ReadTableAssociationAsync(string membershipId, string associationId, CancellationToken ct)
    {
        var a = await GetOrNotFoundAsync(() => api.GetConfiguredTableAssociationAsync(membershipId, associationId, ct),
            async () => (await api.ListConfiguredTableAssociationsAsync(membershipId, ct)).Any(x => x.Id == associationId));
        var types = (a.AnalysisRuleTypes ?? []).Select(t => t.Value).ToList();
        var rules = await AnalysisRuleReads.OfAssociationAsync(api, membershipId, a.Id, a.Name, types,
            new Dictionary<(string Name, string Type), AnalysisRuleState>(), ct);
        return new TableAssociationState(a.Id, a.Arn, a.Name, a.ConfiguredTableId, a.RoleArn, a.Description, rules);
    }

    /// <summary>A membership with one kind's live resources read in it, as the live-state reader reads them.</summary>
    public async Task<MembershipState> ReadKindAsync(string membershipId, MembershipChildKind kind, CancellationToken ct)
    {
        var m = await GetMembershipOrNotFoundAsync(membershipId, ct);
        var summary = new MembershipSummary(m.Id, m.Arn, m.CollaborationArn, m.CollaborationId, m.CollaborationCreatorAccountId,
            m.CollaborationCreatorDisplayName, m.CollaborationName, m.CreateTime, m.UpdateTime, m.Status, m.MemberAbilities, m.PaymentConfiguration);
        var children = await KindEngines.For(kind).ReadAsync(new LiveReadContext(api, new CachedGets(null), Parallelism: 4), summary, KindValues.Empty, ct);
        return StateOf(m, children);
    }
}
