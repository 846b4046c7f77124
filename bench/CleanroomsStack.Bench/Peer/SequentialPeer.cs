using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Bench.World;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Bench.Peer;

/// <summary>
/// What the original scripts (manage-collaboration-invites.py accept-all --auto-associate) do, strictly one call at a
/// time, through our own client at the same rate: for each pending invitation, accept it (CreateMembership); for each
/// table, check whether it is associated (ListConfiguredTableAssociations), associate it and put the collaboration
/// analysis rule on it; then associate the ID namespace. It is the baseline the tool's onboarding is compared with.
/// Like any script against AWS, it waits out the read-after-write lag: a call on something it created moments ago is
/// repeated while AWS answers that the resource doesn't exist (404, or the 403 AWS gives for a missing resource).
/// </summary>
public sealed class SequentialPeer(ICleanRoomsApi api)
{
    private static readonly string RoleArn = $"arn:aws:iam::{DemoWorld.OurAccount}:role/{BenchConfig.RoleName}";
    private static readonly string NamespaceArn =
        $"arn:aws:entityresolution:{BenchClient.Region}:{DemoWorld.OurAccount}:idnamespace/{DemoWorld.IdNamespaceName}";

    /// <returns>How many invitations were onboarded.</returns>
    public async Task<int> OnboardAllAsync(CancellationToken ct)
    {
        var invitations = await api.ListCollaborationsAsync("INVITED", ct);
        var configured = await api.ListConfiguredTablesAsync(ct);
        var tableIds = configured.ToDictionary(t => t.Name, t => t.Id, StringComparer.Ordinal);
        var tables = BenchConfig.SelectedTables(tableIds.Keys);
        foreach (var invitation in invitations)
            await OnboardAsync(invitation, tables.Select(t => (t, tableIds[t])).ToList(), ct);
        return invitations.Count;
    }

    private async Task OnboardAsync(CollaborationSummary invitation, IReadOnlyList<(string Name, string Id)> tables, CancellationToken ct)
    {
        var membership = await api.CreateMembershipAsync(new CreateMembershipRequest(invitation.Id, "ENABLED"), ct);
        var receivers = new[] { invitation.CreatorAccountId };
        foreach (var (name, tableId) in tables)
        {
            var existing = await WhenVisibleAsync(() => api.ListConfiguredTableAssociationsAsync(membership.Id, ct), ct);
            if (existing.Any(a => a.ConfiguredTableId == tableId)) continue;
            var association = await WhenVisibleAsync(() => api.CreateConfiguredTableAssociationAsync(
                new CreateConfiguredTableAssociationRequest(membership.Id, BenchConfig.AssociationName(name), tableId, RoleArn), ct), ct);
            await WhenVisibleAsync(() => api.CreateConfiguredTableAssociationAnalysisRuleAsync(new CreateAnalysisRuleRequest(membership.Id, association.Id,
                "CUSTOM", new AnalysisRulePolicy(new AnalysisRulePolicyV1(Custom: new AnalysisRulePolicyVariant(receivers, [])))), ct), ct);
        }
        await WhenVisibleAsync(() => api.CreateIdNamespaceAssociationAsync(new CreateIdNamespaceAssociationRequest(membership.Id,
            DemoWorld.IdNamespaceName, new IdNamespaceInputReferenceConfig(NamespaceArn, ManageResourcePolicies: true), IdMappingConfig: new IdMappingConfig(false)), ct), ct);
    }

    /// <summary>Repeats <paramref name="call"/> every 20 ms for up to a minute while what it needs is not visible yet.</summary>
    private static async Task<T> WhenVisibleAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (AwsApiException e) when (e.Kind is AwsErrorKind.NotFound or AwsErrorKind.AccessDenied && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            }
        }
    }
}
