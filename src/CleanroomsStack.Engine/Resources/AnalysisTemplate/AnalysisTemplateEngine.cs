using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.AnalysisTemplate;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.AnalysisTemplate;

/// <summary>Analysis templates: listed and got (the SQL and parameters are only in the full shape), created, described, deleted.</summary>
internal sealed class AnalysisTemplateEngine : MembershipChildEngine<AnalysisTemplateSpec>
{
    private const string SqlFormat = "SQL";

    public override ResourceKind Kind => AnalysisTemplateKind.Instance;

    public override async Task<KindValues> ReadAsync(LiveReadContext context, MembershipSummary membership, KindValues children, CancellationToken ct) =>
        children.With(Kind, await ReadListedAsync(context, membership,
            () => context.Api.ListAnalysisTemplatesAsync(membership.Id, ct),
            s => context.Api.GetAnalysisTemplateAsync(membership.Id, s.Id, ct),
            t => new AnalysisTemplateState(t.Id, t.Arn, t.Name, t.Description, t.Source.Text ?? "",
                (t.AnalysisParameters ?? []).Select(p => new AnalysisParameterSpec(p.Name, p.Type, p.DefaultValue)).ToList()),
            t => t.Name, ct));

    protected override async Task<IVersionedResource> CreateAsync(ICleanRoomsApi api, string membershipId, AnalysisTemplateSpec spec, CancellationToken ct) =>
        await api.CreateAnalysisTemplateAsync(new CreateAnalysisTemplateRequest(membershipId, spec.Name, SqlFormat, new AnalysisSource(spec.Sql),
            spec.Description, spec.Parameters.Count == 0 ? null : spec.Parameters.Select(p => new AnalysisParameter(p.Name, p.Type, p.DefaultValue)).ToList(),
            Tags: spec.Tags), ct);

    protected override async Task<IVersionedResource> UpdateAsync(ICleanRoomsApi api, string membershipId, string id, AnalysisTemplateSpec spec, CancellationToken ct) =>
        await api.UpdateAnalysisTemplateAsync(new UpdateAnalysisTemplateRequest(membershipId, id, spec.Description), ct);

    protected override Task DeleteAsync(ICleanRoomsApi api, string membershipId, string id, CancellationToken ct) =>
        api.DeleteAnalysisTemplateAsync(membershipId, id, ct);

    protected override async Task<IReadOnlyList<IVersionedResource>> ListAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        await api.ListAnalysisTemplatesAsync(membershipId, ct);

    protected override async Task<string?> FindAsync(ICleanRoomsApi api, string membershipId, AnalysisTemplateSpec spec, AwsApiException? conflict,
        CancellationToken ct) =>
        (await api.ListAnalysisTemplatesAsync(membershipId, ct)).FirstOrDefault(t => SameName(t.Name, spec.Name))?.Id;

    protected override async Task AlignAsync(ICleanRoomsApi api, string membershipId, string id, AnalysisTemplateSpec spec, CancellationToken ct)
    {
        var live = await api.GetAnalysisTemplateAsync(membershipId, id, ct);
        // Only the description can change in place; a template with other SQL under our name is not ours to take over.
        if (live.Source.Text != spec.Sql)
            throw new Applying.AdoptionException($"an analysis template named '{live.Name}' already exists with other SQL",
                "rename or delete that template, or change its name in `analysisTemplates`, then run again.");
        if ((live.Description ?? "") != (spec.Description ?? ""))
            await UpdateAsync(api, membershipId, id, spec, ct);
    }
}
