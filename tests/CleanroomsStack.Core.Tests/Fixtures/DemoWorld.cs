using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>
/// The demo account as tests see it: our account with 30 'part_' tables (two of them placeholders) and a few others,
/// invited to the AMC collaboration and to a second one. Ids are deterministic so golden files are stable.
/// </summary>
internal static class DemoWorld
{
    public const string Us = "239083076653";
    public const string Amc = "921290734397";
    public const string Partner = "657425294073";
    public const string Third = "803109464991";
    public const string AmcCollaborationId = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    public const string OtherCollaborationId = "5d3c1e0a-7b2f-4e61-9a0d-2f4b8c6e1a90";
    public const string NamespaceArn = "arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace";

    public static string Id(int n) => $"00000000-0000-4000-8000-{n:D12}";

    public static IReadOnlyList<ConfiguredTableInfo> Tables()
    {
        var names = Enumerable.Range(1, 28).Select(i => $"part_{i:D2}").Concat(["part_n_a", "part_n_a_a", "audience_seed", "raw_events"]);
        return names.Select((name, i) => new ConfiguredTableInfo(Id(100 + i), name, $"arn:aws:cleanrooms:us-east-1:{Us}:configuredtable/{Id(100 + i)}", ["CUSTOM"])).ToList();
    }

    /// <param name="weQueryPay">What the creator assigned us for query compute.</param>
    /// <param name="ourPayment">Everything the creator assigned us (overrides <paramref name="weQueryPay"/>).</param>
    public static CollaborationInfo AmcInvitation(string status = "INVITED", string? membershipId = null, bool weQueryPay = false,
        PaymentConfiguration? ourPayment = null) => new(
        AmcCollaborationId, "AMC Collaboration", Amc, "AMC", status, membershipId,
        [
            new MemberInfo(Amc, "AMC", "ACTIVE", ["CAN_QUERY", "CAN_RECEIVE_RESULTS"], new PaymentConfiguration(!weQueryPay)),
            new MemberInfo(Us, "ACX", status, [], ourPayment ?? new PaymentConfiguration(weQueryPay)),
            new MemberInfo(Third, "Measurement", "ACTIVE", ["CAN_RECEIVE_RESULTS"]),
            new MemberInfo(Partner, "Observer", "ACTIVE", []),
        ]);

    public static CollaborationInfo OtherInvitation() => new(
        OtherCollaborationId, "Retail Insights", Partner, "Retail Co", "INVITED", null,
        [new MemberInfo(Partner, "Retail Co", "ACTIVE", ["CAN_QUERY", "CAN_RECEIVE_RESULTS"]), new MemberInfo(Us, "ACX", "INVITED", [])]);

    public static Inventory.Inventory InventoryWith(params CollaborationInfo[] collaborations) =>
        new(new CallerInfo(Us, $"arn:aws:iam::{Us}:user/deployer"), Tables(),
            collaborations.Length == 0 ? [AmcInvitation()] : collaborations, "us-east-1");

    /// <summary>Live state exactly as if the desired collaboration had been applied (membership id = Id(1), then counters).</summary>
    public static MembershipState Applied(DesiredCollaboration desired, int seed = 1)
    {
        var membershipId = Id(seed);
        var next = seed * 1000;
        var associations = desired.TableAssociations.Select(a => new TableAssociationState(
            Id(++next), $"arn:aws:cleanrooms:us-east-1:{Us}:configuredtableassociation/{membershipId}/{Id(next)}", a.Name,
            a.ConfiguredTableId, a.RoleArn, a.Description,
            [new AnalysisRuleState(a.Rule.Type, a.Rule.AllowedResultReceivers, a.Rule.AllowedAdditionalAnalyses)])).ToList();
        var namespaces = desired.IdNamespaceAssociations.Select(n => new IdNamespaceAssociationState(
            Id(++next), $"arn:aws:cleanrooms:us-east-1:{Us}:membership/{membershipId}/idnamespaceassociation/{Id(next)}", n.Name,
            n.InputReferenceArn, n.ManageResourcePolicies, n.Description, n.AllowUseAsDimensionColumn)).ToList();
        var mappingTables = desired.IdMappingTables.Select(t => new IdMappingTableState(
            Id(++next), $"arn:aws:cleanrooms:us-east-1:{Us}:membership/{membershipId}/idmappingtable/{Id(next)}", t.Name,
            t.InputReferenceArn, t.ManageResourcePolicies, t.Description, t.KmsKeyArn)).ToList();
        return new MembershipState(membershipId, $"arn:aws:cleanrooms:us-east-1:{Us}:membership/{membershipId}", desired.CollaborationId,
            desired.Name, "ACTIVE", desired.Membership.QueryLogStatus, KindValues.Empty,
            desired.Membership.JobLogStatus, desired.Membership.DefaultResultConfiguration, desired.Membership.Payment ?? new PaymentConfiguration(false))
            .WithTableAssociations(associations).WithIdNamespaceAssociations(namespaces).WithIdMappingTables(mappingTables);
    }
}
