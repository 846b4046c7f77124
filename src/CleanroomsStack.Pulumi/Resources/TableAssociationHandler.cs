using System.Text.Json.Nodes;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Core.Values;
using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>
/// cleanroomsstack:index:TableAssociation: a configured table associated with a membership, with its collaboration
/// analysis rule. Diff and apply are the table-association and analysis-rule kinds' differs and engines; the id is
/// <c>&lt;membershipId&gt;|&lt;associationId&gt;</c>.
/// </summary>
public sealed class TableAssociationHandler : ResourceHandler
{
    private const string Rule = "analysisRule";
    private static readonly HashSet<string> ReplaceOnly = ["membershipId", "name", "configuredTableId", "configuredTableName"];

    public override ProviderResource Resource => ProviderResources.TableAssociation;

    public override IReadOnlyList<InputFailure> Check(ObjectValue news)
    {
        var failures = base.Check(news).ToList();
        if (news["configuredTableName"] is null or NullValue && news["configuredTableId"] is null or NullValue)
            failures.Add(new InputFailure("configuredTableName", "give configuredTableName or configuredTableId"));
        return failures;
    }

    public override async Task<IReadOnlyList<PropertyChange>> DiffAsync(string id, ObjectValue olds, ObjectValue news, ProviderState state, CancellationToken ct)
    {
        var moved = ReplaceOnly.Where(k => k != "configuredTableName" && news[k] is not null && !Equals(olds[k], news[k])).ToList();
        if (!news.IsKnown || moved.Contains("membershipId"))
            return news.Properties.Where(p => !p.Value.IsKnown || !Equals(olds[p.Key], p.Value))
                .Select(p => new PropertyChange(p.Key, PropertyChangeKind.Update, ReplaceOnly.Contains(p.Key))).ToList();
        var membershipId = news.Text("membershipId")!;
        var spec = await SpecAsync(news, membershipId, state, ct);
        return Plan(spec, LiveFrom(olds), membershipId).Where(c => c.Action != ChangeAction.NoOp)
            .SelectMany(c => c.Diffs.SelectMany(PulumiChanges)).DistinctBy(c => c.Path).ToList();
    }

    public override async Task<ResourceOutputs> CreateAsync(ObjectValue inputs, bool preview, ProviderState state, CancellationToken ct)
    {
        if (preview) return new ResourceOutputs("", PreviewOutputs(inputs));
        var membershipId = inputs.Text("membershipId")!;
        var spec = await SpecAsync(inputs, membershipId, state, ct);
        var changes = Plan(spec, null, membershipId);
        var association = await state.Engine.ApplyAsync(changes[0], membershipId, allowLeave: false, ct);
        var associationId = association.AwsId!;
        foreach (var rule in changes.Skip(1))
            await state.Engine.ApplyAsync(rule with { ParentId = associationId }, membershipId, allowLeave: false, ct);
        var id = $"{membershipId}|{associationId}";
        return new ResourceOutputs(id, await OutputsAsync(id, inputs, state, ct));
    }

    public override async Task<(ResourceOutputs Outputs, ObjectValue Inputs)?> ReadAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct)
    {
        try
        {
            var outputs = await OutputsAsync(id, olds, state, ct);
            return (new ResourceOutputs(id, outputs), outputs.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, (PropertyValue?)null))));
        }
        catch (Engine.Ports.AwsApiException e) when (e.Kind == Engine.Ports.AwsErrorKind.NotFound)
        {
            return null;
        }
    }

    public override async Task<ObjectValue> UpdateAsync(string id, ObjectValue olds, ObjectValue news, bool preview, ProviderState state, CancellationToken ct)
    {
        if (preview) return news.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, olds[p.Key])));
        var (membershipId, _) = SplitId(id);
        var spec = await SpecAsync(news, membershipId, state, ct);
        // Deletes of rules of another type go first, as the applier orders them; then the association, then its rule.
        foreach (var change in Plan(spec, LiveFrom(olds), membershipId).Where(c => c.Action != ChangeAction.NoOp).OrderBy(c => c.Action != ChangeAction.Delete))
            await state.Engine.ApplyAsync(change, membershipId, allowLeave: false, ct);
        return await OutputsAsync(id, news, state, ct);
    }

    public override async Task DeleteAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct)
    {
        var (membershipId, associationId) = SplitId(id);
        var live = await state.Engine.ReadTableAssociationAsync(membershipId, associationId, ct);
        var address = ResourceAddress.Membership("").Child(TableAssociationKind.Instance, live.Name);
        // The rules go before the association, which AWS won't delete while it has any.
        foreach (var change in TableAssociationDiffer.Delete(address, live, membershipId, "pulumi destroy").OrderBy(c => c.Kind == TableAssociationKind.Instance))
            await state.Engine.ApplyAsync(change, membershipId, allowLeave: false, ct);
    }

    private static IReadOnlyList<ResourceChange> Plan(TableAssociationSpec spec, TableAssociationState? live, string membershipId)
    {
        var collaboration = new DesiredCollaboration("", "", "", new MembershipSpec("", "DISABLED"), KindValues.Empty);
        return TableAssociationDiffer.Diff(ResourceAddress.Membership(""), collaboration, [spec], live is null ? [] : [live], membershipId).Changes;
    }

    private static async Task<ObjectValue> OutputsAsync(string id, ObjectValue inputs, ProviderState state, CancellationToken ct)
    {
        var (membershipId, associationId) = SplitId(id);
        var live = await state.Engine.ReadTableAssociationAsync(membershipId, associationId, ct);
        var rule = live.Rules.FirstOrDefault();
        return inputs.With(new Dictionary<string, PropertyValue?>
        {
            ["membershipId"] = new StringValue(membershipId),
            ["name"] = new StringValue(live.Name),
            ["configuredTableId"] = new StringValue(live.ConfiguredTableId),
            ["roleArn"] = new StringValue(live.RoleArn),
            ["description"] = live.Description is { } d ? new StringValue(d) : inputs["description"],
            [Rule] = rule is null ? PropertyValue.Null : new ObjectValue(new Dictionary<string, PropertyValue>
            {
                ["type"] = new StringValue(rule.Type),
                ["allowedResultReceivers"] = new ArrayValue([.. rule.AllowedResultReceivers.Select(r => (PropertyValue)new StringValue(r))]),
                ["allowedAdditionalAnalyses"] = new ArrayValue([.. rule.AllowedAdditionalAnalyses.Select(r => (PropertyValue)new StringValue(r))]),
            }),
            ["associationId"] = new StringValue(live.Id),
            ["arn"] = new StringValue(live.Arn),
        });
    }

    private static async Task<TableAssociationSpec> SpecAsync(ObjectValue inputs, string membershipId, ProviderState state, CancellationToken ct)
    {
        var tableId = inputs.Text("configuredTableId");
        var tableName = inputs.Text("configuredTableName");
        if (tableId is null)
        {
            var table = (await state.Api.ListConfiguredTablesAsync(ct)).FirstOrDefault(t => t.Name == tableName)
                ?? throw new InvalidPropertyException($"configuredTableName: this account has no configured table named '{tableName}'");
            tableId = table.Id;
        }
        var rule = inputs.Object(Rule) ?? new ObjectValue(new Dictionary<string, PropertyValue>());
        var receivers = rule.Plain("allowedResultReceivers") is ArrayValue list
            ? list.Items.Select(i => ((StringValue)(i is SecretValue s ? s.Inner : i)).Value).ToList()
            : await AutomaticReceiversAsync(membershipId, state, ct);
        var analyses = rule.Plain("allowedAdditionalAnalyses") is ArrayValue more ? more.Items.OfType<StringValue>().Select(s => s.Value).ToList() : [];
        return new TableAssociationSpec(inputs.Text("name")!, tableId, tableName ?? "", await state.RoleArnAsync(inputs.Text("roleArn")!, ct),
            inputs.Text("description"), new AnalysisRuleSpec(rule.Text("type") ?? "CUSTOM", receivers, analyses), inputs.TextMap("tags"));
    }

    /// <summary>'auto' (or no list): every other current member that can receive results, as in collaborations.yaml.</summary>
    private static async Task<List<string>> AutomaticReceiversAsync(string membershipId, ProviderState state, CancellationToken ct)
    {
        var (membership, _) = await state.Engine.ReadMembershipAsync(membershipId, ct);
        var caller = (await state.Api.GetCallerIdentityAsync(ct)).Account;
        var members = await state.Api.ListMembersAsync(membership.CollaborationId, ct);
        return members.Where(m => m.AccountId != caller && m.Abilities.Contains(MemberAbility.CanReceiveResults) && m.Status.IsOpen)
            .Select(m => m.AccountId).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static TableAssociationState LiveFrom(ObjectValue olds)
    {
        var rule = olds.Object(Rule);
        static List<string> Strings(ObjectValue? o, string key) => o?.Plain(key) is ArrayValue a ? a.Items.OfType<StringValue>().Select(s => s.Value).ToList() : [];
        var rules = rule is null ? [] : new List<AnalysisRuleState> { new(rule.Text("type") ?? "CUSTOM", Strings(rule, "allowedResultReceivers"), Strings(rule, "allowedAdditionalAnalyses")) };
        return new TableAssociationState(olds.Text("associationId") ?? "", olds.Text("arn") ?? "", olds.Text("name") ?? "", olds.Text("configuredTableId") ?? "",
            olds.Text("roleArn") ?? "", olds.Text("description"), rules);
    }

    /// <summary>The differs' request-shape paths as Pulumi input paths; a list is compared element by element.</summary>
    private static IEnumerable<PropertyChange> PulumiChanges(AttributeDiff diff)
    {
        var path = diff.Path switch
        {
            "configuredTableIdentifier" => "configuredTableId",
            "analysisRuleType" => $"{Rule}.type",
            var p when p.StartsWith("analysisRulePolicy.", StringComparison.Ordinal) => $"{Rule}.{p[(p.LastIndexOf('.') + 1)..]}",
            var p => p,
        };
        if (diff is { Before: JsonArray before, After: JsonArray after })
        {
            for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
            {
                if (i < before.Count && i < after.Count && JsonNode.DeepEquals(before[i], after[i])) continue;
                var kind = i >= before.Count ? PropertyChangeKind.Add : i >= after.Count ? PropertyChangeKind.Delete : PropertyChangeKind.Update;
                yield return new PropertyChange($"{path}[{i}]", kind, diff.ForcesReplacement);
            }
            yield break;
        }
        yield return new PropertyChange(path, diff.Before is null ? PropertyChangeKind.Add : PropertyChangeKind.Update, diff.ForcesReplacement);
    }

    private static (string MembershipId, string AssociationId) SplitId(string id) =>
        id.Split('|') is [var membership, var association] ? (membership, association)
            : throw new InvalidPropertyException($"a TableAssociation id is '<membershipId>|<associationId>', not '{id}'");
}
