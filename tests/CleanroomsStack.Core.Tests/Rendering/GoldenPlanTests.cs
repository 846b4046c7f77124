using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Rendering;

/// <summary>
/// The plan's text, JSON and Markdown for named scenarios, compared exactly with Golden/&lt;scenario&gt;.txt, .json and .md.
/// Re-baseline with UPDATE_GOLDEN=1 (see <see cref="Golden"/>).
/// </summary>
public class GoldenPlanTests
{
    private static readonly MembershipState Applied = DemoWorld.Applied(Scenario.Desired(TeamConfig.Yaml).Collaborations[0]);

    /// <summary>The team config limited to 20 tables, so the membership has room under the association quota.</summary>
    private static readonly string Twenty = TeamConfig.Yaml.Replace("max: 25", "max: 20");
    private static readonly MembershipState Applied20 = DemoWorld.Applied(Scenario.Desired(Twenty).Collaborations[0]);

    public static TheoryData<string> Scenarios => new(ScenarioTable.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, Func<Plan>> ScenarioTable = new()
    {
        ["fresh-invitation"] = () => Scenario.Plan(TeamConfig.Yaml, Scenario.Nothing),
        ["no-op"] = () => Scenario.Plan(TeamConfig.Yaml, new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["drift"] = () => Scenario.Plan(TeamConfig.Yaml, new LiveState([Drifted()]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["table-added-and-excluded"] = () => Scenario.Plan(
            TeamConfig.Yaml.Replace("exclude: [part_n_a, part_n_a_a]", "exclude: [part_n_a, part_n_a_a, part_02]"),
            new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["renamed-and-unmanaged"] = () => Scenario.Plan(Twenty, new LiveState([RenamedAndUnmanaged()]), Active()),
        ["named-by-table-id"] = () => Scenario.Plan(Twenty, new LiveState([NamedByTableId()]), Active()),
        ["named-by-table-id-adopted"] = () => Scenario.Plan(Twenty + "\n    adoptExistingNames: true", new LiveState([NamedByTableId()]), Active()),
        ["template-changed-under-full-quota"] = () => Scenario.Plan(TeamConfig.Yaml.Replace("acx_{table}", "cr_{table}"), new LiveState([Applied]), Active()),
        ["membership-accepted-outside-the-tool"] = () => Scenario.Plan(TeamConfig.Yaml,
            new LiveState([Applied with { TableAssociations = [], IdNamespaceAssociations = [] }]), Active()),
        ["id-namespace-arn-changed"] = () => Scenario.Plan(
            TeamConfig.Yaml.Replace("idnamespace/ACXIdNamespace", "idnamespace/ACXIdNamespaceV2"),
            new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
        ["max-truncate"] = () => Scenario.Plan(TeamConfig.Yaml.Replace("max: 25", "max: 4"), Scenario.Nothing),
        ["max-error"] = () => Scenario.Plan(TeamConfig.Yaml.Replace("max: 25", "max: 4, onExceed: error"), Scenario.Nothing),
        ["leave-refused"] = () => Scenario.Plan(TeamConfig.WithOverrides("    state: left"), new LiveState([Applied]), Active()),
        ["leave-allowed"] = () => Scenario.Plan(TeamConfig.WithOverrides("    state: left"), new LiveState([Applied]), Active(),
            new PlanOptions(new HashSet<string> { AmcCollaborationId })),
        ["collaboration-deleted"] = () => Scenario.Plan(TeamConfig.Yaml, new LiveState([Applied with { Status = "COLLABORATION_DELETED" }]),
            InventoryWith(AmcInvitation("COLLABORATION_DELETED", Applied.Id))),
        ["invitation-policy-accepts-one-of-two"] = () => Scenario.Plan(
            Desired.InvitationPolicyTests.PolicyOnly($"invitations:\n  rules:\n    - creatorAccountIds: [\"{Amc}\"]"), Scenario.Nothing,
            InventoryWith(AmcInvitation(), OtherInvitation())),
        ["payment-mismatch"] = () => Scenario.Plan(Planning.MembershipSettingsPlanTests.Configured, Scenario.Nothing,
            InventoryWith(AmcInvitation(weQueryPay: true))),
        ["membership-settings-fresh"] = () => Scenario.Plan(Planning.MembershipSettingsPlanTests.Configured.Replace("max: 25", "max: 1"), Scenario.Nothing),
        ["id-mapping-table"] = () => Scenario.Plan(Planning.IdMappingTableTests.Configured.Replace("max: 25", "max: 1"), Scenario.Nothing),
        ["config-errors"] = () => Scenario.Plan(TeamConfig.Yaml, Scenario.Nothing, InventoryWith(OtherInvitation())),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_text_matches_the_golden_file(string scenario) =>
        Golden.AssertMatches($"{scenario}.txt", PlanTextRenderer.Render(PlanDocument.From(ScenarioTable[scenario]())));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_json_matches_the_golden_file(string scenario) =>
        Golden.AssertMatches($"{scenario}.json", PlanJson.Write(PlanDocument.From(ScenarioTable[scenario]())));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_markdown_matches_the_golden_file(string scenario) =>
        Golden.AssertMatches($"{scenario}.md", PlanMarkdownRenderer.Render(PlanDocument.From(ScenarioTable[scenario]())));

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
