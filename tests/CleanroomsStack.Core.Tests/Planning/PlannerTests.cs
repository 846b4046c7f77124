using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;
using static CleanroomsStack.Core.Tests.Fixtures.LiveEdits;

namespace CleanroomsStack.Core.Tests.Planning;

public class PlannerTests
{
    private static readonly DesiredState Team = Scenario.Desired(TeamConfig.Yaml);
    private static readonly Resources.Membership.MembershipState Applied = DemoWorld.Applied(Team.Collaborations[0]);

    private static Plan PlanAgainst(params Resources.Membership.MembershipState[] live) => Planner.Create(Team, LiveWith(live));

    private static ResourceChange Change(Plan plan, string address) => Assert.Single(plan.Changes, c => c.Address.ToString() == address);

    private const string Membership = $"membership[{AmcCollaborationId}]";

    [Fact]
    public void Fresh_invitation_creates_membership_associations_rules_and_the_namespace_association()
    {
        var plan = PlanAgainst();
        Assert.Equal(new PlanSummary(52, 0, 0, 0, 0, 0), plan.Summary);
        var membership = TypedChanges.As<MembershipChange>(Change(plan, Membership));
        Assert.Equal(ChangeAction.Create, membership.Action);
        Assert.Contains(new AttributeDiff("queryLogStatus", null, "ENABLED"), membership.Diffs);
        var association = TypedChanges.As<TableAssociationChange>(Change(plan, $"{Membership}/table-association[acx_part_01]"));
        Assert.Null(association.MembershipId);
        Assert.Equal("part_01", association.Desired!.TableName);
        var rule = TypedChanges.As<AnalysisRuleChange>(Change(plan, $"{Membership}/table-association[acx_part_01]/analysis-rule[CUSTOM]"));
        Assert.Equal((ChangeAction.Create, null, null), (rule.Action, rule.MembershipId, rule.AssociationId));
        Assert.Contains(new AttributeDiff("analysisRulePolicy.v1.custom.allowedResultReceivers", null, AttributeValue.Set([Third, Amc])), rule.Diffs);
    }

    [Fact]
    public void Changes_are_ordered_by_address_with_the_membership_first()
    {
        var addresses = PlanAgainst().Changes.Select(c => c.Address.ToString()).ToList();
        Assert.Equal(Membership, addresses[0]);
        Assert.Equal(addresses.Order(StringComparer.Ordinal), addresses);
    }

    [Fact]
    public void Applied_state_plans_no_changes()
    {
        var plan = PlanAgainst(Applied);
        Assert.False(plan.HasChanges);
        Assert.Equal(new PlanSummary(0, 0, 0, 0, 52, 0), plan.Summary);
    }

    [Fact]
    public void Association_names_compare_case_insensitively()
    {
        var plan = PlanAgainst(Applied.EditAssociation("acx_part_01", a => a with { Name = "ACX_Part_01" }));
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Query_log_drift_updates_the_membership()
    {
        var change = Change(PlanAgainst(Applied with { QueryLogStatus = "DISABLED" }), Membership);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal([new AttributeDiff("queryLogStatus", "DISABLED", "ENABLED")], change.Diffs);
    }

    [Fact]
    public void Role_drift_updates_the_association_in_place()
    {
        var live = Applied.EditAssociation("acx_part_02", a => a with { RoleArn = "arn:aws:iam::239083076653:role/old" });
        var change = TypedChanges.As<TableAssociationChange>(Change(PlanAgainst(live), $"{Membership}/table-association[acx_part_02]"));
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal([new AttributeDiff("roleArn", "arn:aws:iam::239083076653:role/old", "arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access")], change.Diffs);
        Assert.Equal(Applied.Id, change.MembershipId);
        Assert.NotNull(change.Live);
    }

    [Fact]
    public void Receiver_drift_updates_the_rule_comparing_as_sets()
    {
        var live = Applied
            .EditAssociation("acx_part_03", a => a with { Rules = [new AnalysisRuleState("CUSTOM", [Amc], [])] })
            .EditAssociation("acx_part_04", a => a with { Rules = [new AnalysisRuleState("CUSTOM", [Amc, Third], [])] });
        var plan = PlanAgainst(live);
        var change = TypedChanges.As<AnalysisRuleChange>(Assert.Single(plan.Changes, c => c.Action != ChangeAction.NoOp));
        Assert.Equal($"{Membership}/table-association[acx_part_03]/analysis-rule[CUSTOM]", change.Address.ToString());
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal([new AttributeDiff("analysisRulePolicy.v1.custom.allowedResultReceivers", AttributeValue.Set([Amc]), AttributeValue.Set([Third, Amc]))], change.Diffs);
        Assert.NotNull(change.AssociationId);
    }

    [Fact]
    public void Rule_of_another_type_is_deleted_and_the_configured_type_created()
    {
        var live = Applied.EditAssociation("acx_part_05", a => a with { Rules = [new AnalysisRuleState("LIST", [Amc], [])] });
        var plan = PlanAgainst(live);
        Assert.Equal(ChangeAction.Delete, Change(plan, $"{Membership}/table-association[acx_part_05]/analysis-rule[LIST]").Action);
        Assert.Equal(ChangeAction.Create, Change(plan, $"{Membership}/table-association[acx_part_05]/analysis-rule[CUSTOM]").Action);
    }

    [Fact]
    public void Selected_table_associated_under_another_name_is_replaced_and_gets_its_rule()
    {
        var table = Team.Collaborations[0].TableAssociations[5];
        var live = Applied.EditAssociation(table.Name, a => a with { Name = table.ConfiguredTableId });
        var plan = PlanAgainst(live);
        var change = TypedChanges.As<TableAssociationChange>(Change(plan, $"{Membership}/table-association[{table.Name}]"));
        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal([new AttributeDiff("name", table.ConfiguredTableId, table.Name, ForcesReplacement: true)], change.Diffs);
        Assert.Equal(table.ConfiguredTableId, change.Live!.Name);
        var rule = TypedChanges.As<AnalysisRuleChange>(Change(plan, $"{Membership}/table-association[{table.Name}]/analysis-rule[CUSTOM]"));
        Assert.Equal((ChangeAction.Create, null), (rule.Action, rule.AssociationId));
    }

    [Fact]
    public void Template_named_association_of_a_table_no_longer_selected_is_deleted_with_its_rule()
    {
        var excluded = Tables().Single(t => t.Name == "part_n_a");
        var live = Applied.AddAssociation(new TableAssociationState(Id(77), "arn:x", "acx_part_n_a", excluded.Id,
            "arn:aws:iam::239083076653:role/r", null, [new AnalysisRuleState("CUSTOM", [Amc], [])]));
        var plan = PlanAgainst(live);
        var association = Change(plan, $"{Membership}/table-association[acx_part_n_a]");
        Assert.Equal(ChangeAction.Delete, association.Action);
        Assert.Contains("no longer selected", association.Reason);
        var rule = TypedChanges.As<AnalysisRuleChange>(Change(plan, $"{Membership}/table-association[acx_part_n_a]/analysis-rule[CUSTOM]"));
        Assert.Equal((ChangeAction.Delete, Id(77)), (rule.Action, rule.AssociationId));
    }

    [Fact]
    public void Association_not_named_by_the_template_is_unmanaged()
    {
        var other = Tables().Single(t => t.Name == "raw_events");
        var live = Applied.AddAssociation(new TableAssociationState(Id(78), "arn:x", "events", other.Id, "arn:aws:iam::239083076653:role/r", null, []));
        var plan = PlanAgainst(live);
        Assert.False(plan.HasChanges);
        var unmanaged = Assert.Single(plan.Collaborations[0].Unmanaged);
        Assert.Equal($"{Membership}/table-association[events]", unmanaged.Address.ToString());
        Assert.Equal(1, plan.Summary.Unmanaged);
    }

    [Fact]
    public void Newly_selected_table_is_created_under_the_existing_membership()
    {
        var plan = PlanAgainst(Applied.WithoutAssociation("acx_part_07"));
        var change = TypedChanges.As<TableAssociationChange>(Change(plan, $"{Membership}/table-association[acx_part_07]"));
        Assert.Equal((ChangeAction.Create, Applied.Id), (change.Action, change.MembershipId));
        Assert.Equal(new PlanSummary(2, 0, 0, 0, 50, 0), plan.Summary);
    }

    [Theory]
    [InlineData("arn", ChangeAction.Replace, "inputReferenceConfig.inputReferenceArn")]
    [InlineData("manage", ChangeAction.Replace, "inputReferenceConfig.manageResourcePolicies")]
    [InlineData("description", ChangeAction.Update, "description")]
    [InlineData("dimension", ChangeAction.Update, "idMappingConfig.allowUseAsDimensionColumn")]
    [InlineData("name", ChangeAction.Update, "name")]
    public void Id_namespace_association_updates_or_replaces_per_attribute(string edit, ChangeAction expected, string path)
    {
        var ina = Applied.IdNamespaceAssociations[0];
        IdNamespaceAssociationState edited = edit switch
        {
            "arn" => ina with { InputReferenceArn = "arn:aws:entityresolution:us-east-1:239083076653:idnamespace/Old" },
            "manage" => ina with { ManageResourcePolicies = false },
            "description" => ina with { Description = "old" },
            "dimension" => ina with { AllowUseAsDimensionColumn = true },
            _ => ina with { Name = "OldName" },
        };
        var plan = PlanAgainst(Applied.WithIdNamespaceAssociations([edited]));
        var change = TypedChanges.As<IdNamespaceAssociationChange>(Change(plan, $"{Membership}/id-namespace-association[ACXIdNamespace]"));
        Assert.Equal(expected, change.Action);
        var diff = Assert.Single(change.Diffs);
        Assert.Equal((path, expected == ChangeAction.Replace), (diff.Path, diff.ForcesReplacement));
    }

    [Fact]
    public void Unlisted_id_namespace_association_is_unmanaged()
    {
        var extra = Applied.IdNamespaceAssociations[0] with { Id = Id(79), Name = "Other", InputReferenceArn = "arn:aws:entityresolution:us-east-1:239083076653:idnamespace/Other" };
        var plan = PlanAgainst(Applied.WithIdNamespaceAssociations([.. Applied.IdNamespaceAssociations, extra]));
        Assert.False(plan.HasChanges);
        Assert.Equal($"{Membership}/id-namespace-association[Other]", Assert.Single(plan.Collaborations[0].Unmanaged).Address.ToString());
    }

    [Fact]
    public void Membership_of_a_collaboration_not_in_the_config_is_unmanaged()
    {
        var other = Applied with { Id = Id(2), CollaborationId = OtherCollaborationId, CollaborationName = "Retail Insights" };
        var plan = PlanAgainst(Applied, other);
        Assert.Equal(["AMC Collaboration", "Retail Insights"], plan.Collaborations.Select(c => c.Name));
        Assert.Empty(plan.Collaborations[1].Changes);
        Assert.Equal($"membership[{OtherCollaborationId}]", Assert.Single(plan.Collaborations[1].Unmanaged).Address.ToString());
    }

    [Fact]
    public void Membership_that_was_removed_is_reported_not_re_created()
    {
        var plan = PlanAgainst(Applied with { Status = "REMOVED" });
        Assert.Empty(plan.Changes);
        var warning = Assert.Single(plan.Diagnostics, d => d.Code == Core.Diagnostics.DiagnosticCodes.CollaborationNotJoinable);
        Assert.Equal(Core.Diagnostics.Severity.Warning, warning.Severity);
    }

    [Fact]
    public void Removed_membership_not_in_the_config_is_reported_as_unmanaged()
    {
        var other = Applied with { Id = Id(2), CollaborationId = OtherCollaborationId, CollaborationName = "Retail Insights", Status = "COLLABORATION_DELETED" };
        var plan = PlanAgainst(Applied, other);
        Assert.Contains("COLLABORATION_DELETED", Assert.Single(plan.Collaborations[1].Unmanaged).Reason);
    }

    [Fact]
    public void Diagnostics_of_the_desired_state_are_carried_into_the_plan()
    {
        var desired = Scenario.Desired(TeamConfig.Yaml.Replace("exclude: [part_n_a, part_n_a_a], max: 25", "max: 25"));
        var plan = Planner.Create(desired, LiveWith());
        Assert.Equal(desired.Diagnostics, plan.Diagnostics);
    }
}

public class OptionalAttributeTests
{
    private static readonly string Described = TeamConfig.Yaml.Replace("    role: cleanrooms-glue-s3-access", "    role: cleanrooms-glue-s3-access\n    description: ACX table");

    private static ResourceChange Association(string yaml, string? liveDescription)
    {
        var applied = DemoWorld.Applied(Scenario.Desired(TeamConfig.Yaml).Collaborations[0])
            .EditAssociation("acx_part_01", a => a with { Description = liveDescription });
        return Scenario.Plan(yaml, LiveEdits.LiveWith(applied)).Changes.Single(c => c.Address.Name == "acx_part_01" && c.Kind == TableAssociationKind.Instance);
    }

    [Fact]
    public void Unset_description_is_not_managed()
    {
        Assert.Equal(ChangeAction.NoOp, Association(TeamConfig.Yaml, "hand-made").Action);
    }

    [Fact]
    public void Set_description_corrects_drift()
    {
        var change = Association(Described, "hand-made");
        Assert.Equal([new AttributeDiff("description", "hand-made", "ACX table")], change.Diffs);
    }

    [Fact]
    public void Empty_description_clears_it_and_equals_absent()
    {
        var clearing = Described.Replace("description: ACX table", "description: \"\"");
        Assert.Equal(ChangeAction.Update, Association(clearing, "hand-made").Action);
        Assert.Equal(ChangeAction.NoOp, Association(clearing, null).Action);
    }
}
