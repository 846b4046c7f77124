using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>One named situation: a config, what exists, what the account sees, and the operator's options.</summary>
internal sealed record PlanScenario(string Yaml, LiveState Live, Inventory.Inventory? Inventory = null, PlanOptions? Options = null)
{
    public DesiredState Desired() => Scenario.Desired(Yaml, Inventory);

    public Plan Plan() => Planner.Create(Desired(), Live, Options ?? PlanOptions.Default);
}

/// <summary>The scenarios every output format is golden-tested on, and that convergence is checked for.</summary>
internal static class PlanScenarios
{
    private static readonly MembershipState Applied = DemoWorld.Applied(Scenario.Desired(TeamConfig.Yaml).Collaborations[0]);

    /// <summary>The team config limited to 20 tables, so the membership has room under the association quota.</summary>
    private static readonly string Twenty = TeamConfig.Yaml.Replace("max: 25", "max: 20");
    private static readonly MembershipState Applied20 = DemoWorld.Applied(Scenario.Desired(Twenty).Collaborations[0]);

    public static readonly IReadOnlyDictionary<string, PlanScenario> All = new Dictionary<string, PlanScenario>
    {
        ["fresh-invitation"] = new(TeamConfig.Yaml, Scenario.Nothing),
        ["no-op"] = new(TeamConfig.Yaml, new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["drift"] = new(TeamConfig.Yaml, new LiveState([Drifted()]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["table-added-and-excluded"] = new(
            TeamConfig.Yaml.Replace("exclude: [part_n_a, part_n_a_a]", "exclude: [part_n_a, part_n_a_a, part_02]"),
            new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["renamed-and-unmanaged"] = new(Twenty, new LiveState([RenamedAndUnmanaged()]), Active()),
        ["named-by-table-id"] = new(Twenty, new LiveState([NamedByTableId()]), Active()),
        ["named-by-table-id-adopted"] = new(Twenty + "\n    adoptExistingNames: true", new LiveState([NamedByTableId()]), Active()),
        ["template-changed-under-full-quota"] = new(TeamConfig.Yaml.Replace("acx_{table}", "cr_{table}"), new LiveState([Applied]), Active()),
        ["membership-accepted-outside-the-tool"] = new(TeamConfig.Yaml,
            new LiveState([Applied.WithTableAssociations([]).WithIdNamespaceAssociations([])]), Active()),
        ["id-namespace-arn-changed"] = new(
            TeamConfig.Yaml.Replace("idnamespace/ACXIdNamespace", "idnamespace/ACXIdNamespaceV2"),
            new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["max-truncate"] = new(TeamConfig.Yaml.Replace("max: 25", "max: 4"), Scenario.Nothing),
        ["max-error"] = new(TeamConfig.Yaml.Replace("max: 25", "max: 4, onExceed: error"), Scenario.Nothing),
        ["leave-refused"] = new(TeamConfig.WithOverrides("    state: left"), new LiveState([Applied]), Active()),
        ["leave-allowed"] = new(TeamConfig.WithOverrides("    state: left"), new LiveState([Applied]), Active(),
            new PlanOptions(new HashSet<string> { AmcCollaborationId })),
        ["collaboration-deleted"] = new(TeamConfig.Yaml, new LiveState([Applied with { Status = "COLLABORATION_DELETED" }]),
            InventoryWith(AmcInvitation("COLLABORATION_DELETED", Applied.Id))),
        ["invitation-policy-accepts-one-of-two"] = new(
            Tests.Desired.InvitationPolicyTests.PolicyOnly($"invitations:\n  rules:\n    - creatorAccountIds: [\"{Amc}\"]"), Scenario.Nothing,
            InventoryWith(AmcInvitation(), OtherInvitation())),
        ["payment-mismatch"] = new(Tests.Planning.MembershipSettingsPlanTests.Configured, Scenario.Nothing,
            InventoryWith(AmcInvitation(weQueryPay: true))),
        ["membership-settings-fresh"] = new(Tests.Planning.MembershipSettingsPlanTests.Configured.Replace("max: 25", "max: 1"), Scenario.Nothing),
        ["id-mapping-table"] = new(Tests.Planning.IdMappingTableTests.Configured.Replace("max: 25", "max: 1"), Scenario.Nothing),
        ["second-collaboration-added"] = new(TeamConfig.Yaml + "\n  - name: Retail Insights\n    id: " + OtherCollaborationId + "\n    tables: { max: 2 }",
            new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id), OtherInvitation())),
        ["config-errors"] = new(TeamConfig.Yaml, Scenario.Nothing, InventoryWith(OtherInvitation())),
    };

    private static Inventory.Inventory Active() => InventoryWith(AmcInvitation("ACTIVE", Applied.Id));

    private static MembershipState Drifted() => (Applied with { QueryLogStatus = "DISABLED" })
        .EditAssociation("acx_part_03", a => a with { Rules = [new AnalysisRuleState("CUSTOM", [Amc], [])] })
        .EditAssociation("acx_part_04", a => a with { RoleArn = "arn:aws:iam::239083076653:role/legacy", Description = "hand-made" });

    /// <summary>Three associations named by their configured table's id, as the old scripts named them.</summary>
    private static MembershipState NamedByTableId() => Applied20
        .EditAssociation("acx_part_01", a => a with { Name = a.ConfiguredTableId })
        .EditAssociation("acx_part_02", a => a with { Name = a.ConfiguredTableId })
        .EditAssociation("acx_part_03", a => a with { Name = a.ConfiguredTableId });

    private static MembershipState RenamedAndUnmanaged()
    {
        var part05 = Tables().Single(t => t.Name == "part_05");
        var raw = Tables().Single(t => t.Name == "raw_events");
        return Applied20
            .EditAssociation("acx_part_05", a => a with { Name = part05.Id })
            .AddAssociation(new TableAssociationState(Id(90), $"arn:aws:cleanrooms:us-east-1:{Us}:configuredtableassociation/{Applied20.Id}/{Id(90)}",
                "events", raw.Id, $"arn:aws:iam::{Us}:role/analyst", null, []));
    }
}
