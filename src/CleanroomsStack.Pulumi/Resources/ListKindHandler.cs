using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>
/// A resource over a kind configured as a list in a membership (ID namespace associations, …): diff, create, update and
/// delete are the kind's own (<see cref="ListKind{TSettings,TSpec,TState}.Diff"/>, its Leave, its engine), fed with the
/// one spec of the inputs and the one live resource of the id <c>&lt;membershipId&gt;|&lt;resourceId&gt;</c>, read fresh.
/// </summary>
public abstract class ListKindHandler<TSettings, TSpec, TState> : ResourceHandler
    where TSettings : class, IListedSettings where TSpec : class, ITaggedSpec where TState : class, ITaggedState
{
    protected abstract ListKind<TSettings, TSpec, TState> Kind { get; }

    /// <summary>The kind's spec for these (known) inputs.</summary>
    protected abstract TSpec SpecOf(ObjectValue inputs);

    /// <summary>The live resource as input-named properties (the id and ARN outputs included).</summary>
    protected abstract IReadOnlyDictionary<string, PropertyValue?> PropertiesOf(TState live);

    /// <summary>The kind's request-shape path as the input's Pulumi path.</summary>
    protected abstract string PulumiPath(string requestPath);

    public override async Task<IReadOnlyList<PropertyChange>> DiffAsync(string id, ObjectValue olds, ObjectValue news, ProviderState state, CancellationToken ct)
    {
        var moved = !Equals(olds["membershipId"], news["membershipId"]);
        if (!news.IsKnown || moved)
            return news.Properties.Where(p => !p.Value.IsKnown || !Equals(olds[p.Key], p.Value))
                .Select(p => new PropertyChange(p.Key, PropertyChangeKind.Update, p.Key == "membershipId")).ToList();
        var (membershipId, resourceId) = SplitId(id);
        var live = await ReadAsync(membershipId, resourceId, state, ct);
        var plan = Plan(SpecOf(news), live.State, live.Resource);
        // The kind matches by name: a spec that doesn't match the live resource is another resource, so Pulumi must replace.
        if (live.Resource is not null && plan.Any(c => c.Action == ChangeAction.Create))
            return news.Properties.Where(p => !Equals(olds[p.Key], p.Value)).Select(p => new PropertyChange(p.Key, PropertyChangeKind.Update, Replaces: true)).ToList();
        return plan.Where(c => c.Action != ChangeAction.NoOp)
            .SelectMany(c => c.Diffs).Select(d => new PropertyChange(PulumiPath(d.Path), d.Before is null ? PropertyChangeKind.Add : PropertyChangeKind.Update, d.ForcesReplacement))
            .DistinctBy(c => c.Path).ToList();
    }

    public override async Task<ResourceOutputs> CreateAsync(ObjectValue inputs, bool preview, ProviderState state, CancellationToken ct)
    {
        if (preview) return new ResourceOutputs("", PreviewOutputs(inputs));
        var membershipId = inputs.Text("membershipId")!;
        var membership = await state.Engine.ReadKindAsync(membershipId, Kind, ct);
        var create = Plan(SpecOf(inputs), membership with { Children = KindValues.Empty }, null).Single();
        var applied = await state.Engine.ApplyAsync(create, membershipId, allowLeave: false, ct);
        var id = $"{membershipId}|{applied.AwsId}";
        return (await ReadAsync(id, inputs, state, ct))?.Outputs ?? throw new InvalidOperationException($"{Resource.Token} {id} was created but can't be read");
    }

    public override async Task<(ResourceOutputs Outputs, ObjectValue Inputs)?> ReadAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct)
    {
        var (membershipId, resourceId) = SplitId(id);
        if ((await ReadAsync(membershipId, resourceId, state, ct)).Resource is not { } live) return null;
        var properties = PropertiesOf(live).Append(KeyValuePair.Create("membershipId", (PropertyValue?)new StringValue(membershipId)));
        var outputs = olds.With(properties);
        return (new ResourceOutputs(id, outputs), outputs.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, (PropertyValue?)null))));
    }

    public override async Task<ObjectValue> UpdateAsync(string id, ObjectValue olds, ObjectValue news, bool preview, ProviderState state, CancellationToken ct)
    {
        if (preview) return news.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, olds[p.Key])));
        var (membershipId, resourceId) = SplitId(id);
        var live = await ReadAsync(membershipId, resourceId, state, ct);
        foreach (var change in Plan(SpecOf(news), live.State, live.Resource).Where(c => c.Action == ChangeAction.Update))
            await state.Engine.ApplyAsync(change, membershipId, allowLeave: false, ct);
        return (await ReadAsync(id, news, state, ct))!.Value.Outputs.Properties;
    }

    public override async Task DeleteAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct)
    {
        var (membershipId, resourceId) = SplitId(id);
        var live = await ReadAsync(membershipId, resourceId, state, ct);
        if (live.Resource is null) return; // already gone
        var only = live.State with { Children = KindValues.Empty.With(Kind, new[] { live.Resource }) };
        foreach (var change in Kind.Leave(ResourceAddress.Membership(live.State.CollaborationId), only, "pulumi destroy"))
            await state.Engine.ApplyAsync(change, membershipId, allowLeave: false, ct);
    }

    private async Task<(MembershipState State, TState? Resource)> ReadAsync(string membershipId, string resourceId, ProviderState state, CancellationToken ct)
    {
        var membership = await state.Engine.ReadKindAsync(membershipId, Kind, ct);
        return (membership, Kind.States(membership).FirstOrDefault(s => Kind.IdOf(s) == resourceId));
    }

    /// <summary>The kind's diff of the one desired spec against the one live resource (none: a create).</summary>
    private IReadOnlyList<ResourceChange> Plan(TSpec spec, MembershipState membership, TState? live)
    {
        var desired = new DesiredCollaboration(membership.CollaborationId, membership.CollaborationName, "", new MembershipSpec(membership.CollaborationId, "DISABLED"),
            KindValues.Empty.With(Kind, new[] { spec }));
        var current = membership with { Children = live is null ? KindValues.Empty : KindValues.Empty.With(Kind, new[] { live }) };
        return Kind.Diff(new KindDiffScope(ResourceAddress.Membership(membership.CollaborationId), desired, current, membership.Id)).Changes;
    }

    protected (string MembershipId, string ResourceId) SplitId(string id) =>
        id.Split('|') is [var membership, var resource] ? (membership, resource)
            : throw new InvalidPropertyException($"a {Resource.Token} id is '<membershipId>|<id>', not '{id}'");
}
