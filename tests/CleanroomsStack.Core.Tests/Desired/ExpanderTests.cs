using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Tests.Config;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Desired;

public class ExpanderTests
{
    [Fact]
    public void Invitation_expands_to_the_first_25_matching_tables_with_a_warning_for_the_rest()
    {
        var desired = Scenario.Desired(ConfigText.Valid.Replace("exclude: [part_n_a]", "exclude: [part_n_a, part_n_a_a]"));
        var collaboration = Assert.Single(desired.Collaborations);
        Assert.Equal("accept invitation from AMC (921290734397)", collaboration.Label);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"acx_part_{i:D2}"), collaboration.TableAssociations.Select(a => a.Name));
        var warning = Assert.Single(desired.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.TablesLeftOut, warning.Code);
        Assert.Equal(new SourceLocation("collaborations.yaml", 9, 10), warning.Location);
        Assert.Contains("part_26, part_27, part_28", warning.Message);
        Assert.DoesNotContain("part_n_a", warning.Message);
    }

    [Fact]
    public void Role_name_resolves_in_the_caller_account_and_receivers_auto_resolve_to_members_that_can_receive()
    {
        var association = Scenario.Desired(ConfigText.Valid).Collaborations[0].TableAssociations[0];
        Assert.Equal("arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access", association.RoleArn);
        Assert.Equal("CUSTOM", association.Rule.Type);
        Assert.Equal([Third, Amc], association.Rule.AllowedResultReceivers);
    }

    [Fact]
    public void Role_arn_is_taken_as_written()
    {
        const string arn = "arn:aws:iam::111122223333:role/service/shared";
        var yaml = ConfigText.ValidWith("role: cleanrooms-glue-s3-access", $"role: \"{arn}\"");
        Assert.Equal(arn, Scenario.Desired(yaml).Collaborations[0].TableAssociations[0].RoleArn);
    }

    [Fact]
    public void Active_membership_is_labelled_with_its_id()
    {
        var desired = Scenario.Desired(ConfigText.Valid, InventoryWith(AmcInvitation("ACTIVE", Id(1))));
        Assert.Equal($"membership {Id(1)}", desired.Collaborations[0].Label);
    }

    [Fact]
    public void Unknown_collaboration_id_points_at_the_config_line()
    {
        var desired = Scenario.Desired(ConfigText.Valid, InventoryWith(OtherInvitation()));
        Assert.Empty(desired.Collaborations);
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.CollaborationNotFound, error.Code);
        Assert.Equal(new SourceLocation("collaborations.yaml", 22, 9), error.Location);
        Assert.Contains("account 239083076653 region us-east-1", error.Message);
    }

    [Theory]
    [InlineData("LEFT")]
    [InlineData("REMOVED")]
    [InlineData("COLLABORATION_DELETED")]
    public void Left_removed_or_deleted_collaboration_is_reported_and_never_rejoined(string status)
    {
        var desired = Scenario.Desired(ConfigText.Valid, InventoryWith(AmcInvitation(status)));
        Assert.Empty(desired.Collaborations);
        var warning = Assert.Single(desired.Diagnostics, d => d.Code == DiagnosticCodes.CollaborationNotJoinable);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation("collaborations.yaml", 22, 9), warning.Location);
    }

    [Theory]
    [InlineData("ACTIVE", "leave collaboration (membership 00000000-0000-4000-8000-000000000001)")]
    [InlineData("INVITED", "invitation not accepted (state: left)")]
    [InlineData("LEFT", "this account has left")]
    [InlineData("REMOVED", "this account has left")]
    public void State_left_desires_nothing_inside_the_collaboration(string status, string label)
    {
        var yaml = ConfigText.Valid + "\n    state: left\n";
        var desired = Scenario.Desired(yaml, InventoryWith(AmcInvitation(status, status == "ACTIVE" ? Id(1) : null)));
        var collaboration = Assert.Single(desired.Collaborations);
        Assert.True(collaboration.Leave);
        Assert.Equal(label, collaboration.Label);
        Assert.Empty(collaboration.TableAssociations);
        Assert.DoesNotContain(desired.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void State_left_for_a_collaboration_the_account_cant_see_is_not_an_error()
    {
        // After leaving, AWS may show nothing of the collaboration at all (aws-semantics #3): that is "has left" too.
        var desired = Scenario.Desired(ConfigText.Valid + "\n    state: left\n", InventoryWith(OtherInvitation()));
        var collaboration = Assert.Single(desired.Collaborations);
        Assert.Equal(("this account has left", true), (collaboration.Label, collaboration.Leave));
        Assert.Empty(desired.Diagnostics);
    }

    [Fact]
    public void Auto_receivers_with_nobody_eligible_is_an_error()
    {
        var lonely = AmcInvitation() with { Members = [new(Amc, "AMC", "ACTIVE", ["CAN_QUERY"]), new(Us, "ACX", "INVITED", ["CAN_RECEIVE_RESULTS"])] };
        var desired = Scenario.Desired(ConfigText.Valid, InventoryWith(lonely));
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.NoResultReceivers, error.Code);
        Assert.Equal(new SourceLocation("collaborations.yaml", 15, 29), error.Location);
    }

    [Fact]
    public void Explicit_receivers_must_be_members_that_can_receive_results()
    {
        var yaml = ConfigText.ValidWith("allowedResultReceivers: auto", $"allowedResultReceivers: [\"{Amc}\", \"{Partner}\", \"111122223333\"]");
        var desired = Scenario.Desired(yaml);
        Assert.Equal(
            [($"account {Partner} can't receive results in 'AMC Collaboration'", 15, 46), ("account 111122223333 is not a member of 'AMC Collaboration'", 15, 62)],
            desired.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => (d.Message, d.Location!.Line, d.Location.Column)));
    }

    [Fact]
    public void Explicit_receivers_are_used_sorted()
    {
        var yaml = ConfigText.ValidWith("allowedResultReceivers: auto", $"allowedResultReceivers: [\"{Third}\", \"{Amc}\"]");
        Assert.Equal([Third, Amc], Scenario.Desired(yaml).Collaborations[0].TableAssociations[0].Rule.AllowedResultReceivers);
    }

    [Fact]
    public void Table_whose_name_gives_an_invalid_association_name_is_an_error()
    {
        var inventory = InventoryWith() with { ConfiguredTables = [new ConfiguredTableInfoBuilder("part_x.y").Build()] };
        var error = Assert.Single(Scenario.Desired(ConfigText.Valid, inventory).Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidAssociationName, error.Code);
        Assert.Equal(new SourceLocation("collaborations.yaml", 11, 19), error.Location);
    }

    [Fact]
    public void No_matching_table_is_a_warning()
    {
        var desired = Scenario.Desired(ConfigText.ValidWith("include: [\"part_*\"]", "include: [\"nothing_*\"]"));
        Assert.Empty(desired.Collaborations[0].TableAssociations);
        Assert.Equal(DiagnosticCodes.NoTablesSelected, Assert.Single(desired.Diagnostics).Code);
    }

    [Fact]
    public void Collaboration_overrides_merge_onto_defaults()
    {
        var yaml = ConfigText.Valid + "\n    tables: { max: 3 }\n    membership: { queryLogStatus: DISABLED }\n";
        var collaboration = Scenario.Desired(yaml).Collaborations[0];
        Assert.Equal(["acx_part_01", "acx_part_02", "acx_part_03"], collaboration.TableAssociations.Select(a => a.Name));
        Assert.Equal("DISABLED", collaboration.Membership.QueryLogStatus);
    }

    [Fact]
    public void Template_names_cover_every_configured_table()
    {
        var names = Scenario.Desired(ConfigText.Valid).Collaborations[0].TemplateNames!;
        Assert.Contains("acx_part_n_a", names);
        Assert.Contains("acx_raw_events", names);
        Assert.Equal(Tables().Count, names.Count);
    }

    private sealed record ConfiguredTableInfoBuilder(string Name)
    {
        public Inventory.ConfiguredTableInfo Build() => new(Id(900), Name, $"arn:aws:cleanrooms:us-east-1:{Us}:configuredtable/{Id(900)}", ["CUSTOM"]);
    }
}

/// <summary>Issue #15: accepting joins a collaboration for good, so the wrong invitation is never accepted.</summary>
public class NameMismatchTests
{
    private static readonly string Renamed = ConfigText.Valid.Replace("name: AMC Collaboration", "name: Retail");

    [Fact]
    public void A_name_that_differs_from_an_existing_memberships_collaboration_is_a_warning()
    {
        var desired = Scenario.Desired(Renamed, InventoryWith(AmcInvitation("ACTIVE", Id(1))));
        var warning = Assert.Single(desired.Diagnostics, d => d.Code == DiagnosticCodes.NameMismatch);
        Assert.Equal((Severity.Warning, 21, 5), (warning.Severity, warning.Location!.Line, warning.Location.Column));
        Assert.Contains("'AMC Collaboration' in AWS", warning.Message);
        Assert.Single(desired.Collaborations);
    }

    [Fact]
    public void An_invitation_whose_collaboration_has_another_name_is_not_accepted()
    {
        var desired = Scenario.Desired(Renamed);
        Assert.Empty(desired.Collaborations);
        var error = Assert.Single(desired.Diagnostics, d => d.Code == DiagnosticCodes.WrongInvitation);
        Assert.Equal((Severity.Error, 21, 5), (error.Severity, error.Location!.Line, error.Location.Column));
        Assert.Contains("is for 'AMC Collaboration'", error.Message);
        Assert.Contains("calls it 'Retail'", error.Message);
        Assert.Contains("set the entry's name to 'AMC Collaboration'", error.Hint);
    }

    [Fact]
    public void The_expected_creator_lets_a_renamed_entry_accept_and_a_different_creator_never_does()
    {
        var trusted = Scenario.Desired(Renamed + $"\n    creatorAccountId: \"{Amc}\"\n");
        Assert.Single(trusted.Collaborations);
        Assert.DoesNotContain(trusted.Diagnostics, d => d.Severity == Severity.Error);

        var other = Scenario.Desired(ConfigText.Valid + "\n    creatorAccountId: \"111122223333\"\n");
        Assert.Empty(other.Collaborations);
        var error = Assert.Single(other.Diagnostics, d => d.Code == DiagnosticCodes.WrongInvitation);
        Assert.Contains($"comes from account {Amc}, but the entry 'AMC Collaboration' expects creatorAccountId 111122223333", error.Message);
    }
}

/// <summary>Issue #15: leaving a collaboration is planned only when AWS would let it succeed.</summary>
public class LeaveSafetyTests
{
    [Fact]
    public void The_creator_cant_leave_an_active_collaboration_so_nothing_is_planned_and_an_error_says_why()
    {
        var ours = AmcInvitation("ACTIVE", Id(1)) with { CreatorAccountId = Us };
        var desired = Scenario.Desired(ConfigText.Valid + "\n    state: left\n", InventoryWith(ours));

        Assert.Empty(desired.Collaborations);
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.CreatorCantLeave, error.Code);
        Assert.Contains("doesn't let the creator leave while its membership is ACTIVE", error.Message);
    }
}
