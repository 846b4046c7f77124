using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

public class QuotaAndAdoptionTests
{
    private static readonly string Twenty = TeamConfig.Yaml.Replace("max: 25", "max: 20");
    private static readonly Resources.Membership.MembershipState Applied20 = DemoWorld.Applied(Scenario.Desired(Twenty).Collaborations[0]);
    private static readonly Resources.Membership.MembershipState Applied25 = DemoWorld.Applied(Scenario.Desired(TeamConfig.Yaml).Collaborations[0]);

    private static IReadOnlyList<TableAssociationChange> Replacements(Plan plan) =>
        plan.Changes.OfKind<TableAssociationChange>().Where(c => c.Action == ChangeAction.Replace).ToList();

    [Fact]
    public void Renamed_association_deletes_first_even_with_room_since_a_table_is_associated_once()
    {
        var live = Applied20.EditAssociation("acx_part_01", a => a with { Name = a.ConfiguredTableId });
        var replacement = Assert.Single(Replacements(Scenario.Plan(Twenty, new LiveState([live]))));
        Assert.Equal(ReplacementOrder.DeleteFirst, replacement.Order);
        Assert.Contains("a configured table can be associated to a membership only once", replacement.Reason);
    }

    [Fact]
    public void Replacements_delete_first_when_creating_first_would_exceed_the_quota()
    {
        var plan = Scenario.Plan(TeamConfig.Yaml.Replace("acx_{table}", "cr_{table}"), new LiveState([Applied25]));
        var replacements = Replacements(plan);
        Assert.Equal(25, replacements.Count);
        Assert.All(replacements, r => Assert.Equal(ReplacementOrder.DeleteFirst, r.Order));
        Assert.Contains("delete first", replacements[0].Reason);
    }

    [Fact]
    public void Replacement_that_keeps_the_name_deletes_first_even_with_room()
    {
        var other = Tables().Single(t => t.Name == "raw_events");
        var live = Applied20.EditAssociation("acx_part_01", a => a with { ConfiguredTableId = other.Id });
        var replacement = Assert.Single(Replacements(Scenario.Plan(Twenty, new LiveState([live]))));
        Assert.Equal(ReplacementOrder.DeleteFirst, replacement.Order);
        Assert.Contains("reuses the name 'acx_part_01'", replacement.Reason);
    }

    [Fact]
    public void Plan_that_would_exceed_the_quota_warns()
    {
        var unmanaged = new TableAssociationState(Id(90), "arn:x", "events", Tables().Single(t => t.Name == "raw_events").Id, "arn:aws:iam::1:role/r", null, []);
        var plan = Scenario.Plan(TeamConfig.Yaml, new LiveState([Applied25.WithoutAssociation("acx_part_25").AddAssociation(unmanaged)]));
        var warning = Assert.Single(plan.Diagnostics, d => d.Code == DiagnosticCodes.OverQuota);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("26 table associations", warning.Message);
    }

    [Fact]
    public void Adopting_existing_names_keeps_the_association_and_still_updates_its_role()
    {
        var live = Applied20.EditAssociation("acx_part_01", a => a with { Name = a.ConfiguredTableId, RoleArn = "arn:aws:iam::239083076653:role/old" });
        var plan = Scenario.Plan(Twenty + "\n    adoptExistingNames: true", new LiveState([live]));
        var change = Assert.Single(plan.Changes.OfKind<TableAssociationChange>(), c => c.Action != ChangeAction.NoOp);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("roleArn", Assert.Single(change.Diffs).Path);
        Assert.Equal(live.TableAssociations[0].Name, change.Desired!.Name);
        Assert.Contains("adoptExistingNames", change.Reason);
    }

    [Fact]
    public void Adoption_does_not_keep_an_association_of_another_table()
    {
        var other = Tables().Single(t => t.Name == "raw_events");
        var live = Applied20.EditAssociation("acx_part_01", a => a with { ConfiguredTableId = other.Id });
        var plan = Scenario.Plan(Twenty + "\n    adoptExistingNames: true", new LiveState([live]));
        Assert.Equal(ChangeAction.Replace, plan.Changes.Single(c => c.Address.Name == "acx_part_01" && c.Kind == TableAssociationKind.Instance).Action);
    }
}
