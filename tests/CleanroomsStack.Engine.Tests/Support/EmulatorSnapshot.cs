using System.Text.Json;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>The emulator's state (its <c>GetStateJsonAsync</c> / <c>/_emulator/state</c> JSON), as far as these tests read it.</summary>
public sealed record EmulatorSnapshot(
    IReadOnlyList<EmulatorSnapshot.MembershipRow> Memberships,
    IReadOnlyList<EmulatorSnapshot.AssociationRow> TableAssociations,
    IReadOnlyList<EmulatorSnapshot.NamespaceAssociationRow> IdNamespaceAssociations)
{
    public sealed record MembershipRow(string Id, string AccountId, string CollaborationId, string Status, string QueryLogStatus);

    public sealed record RuleRow(string Type);

    public sealed record AssociationRow(string Id, string MembershipId, string Name, string ConfiguredTableId, string RoleArn, IReadOnlyList<RuleRow> Rules);

    public sealed record NamespaceAssociationRow(string Id, string MembershipId, string Name, string InputReferenceArn);

    public static EmulatorSnapshot Parse(string json) =>
        JsonSerializer.Deserialize<EmulatorSnapshot>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public IEnumerable<MembershipRow> ActiveMembershipsOf(string account) =>
        Memberships.Where(m => m.AccountId == account && m.Status == "ACTIVE");

    public MembershipRow? MembershipIn(string collaborationId, string account) =>
        ActiveMembershipsOf(account).SingleOrDefault(m => m.CollaborationId == collaborationId);

    /// <summary>No membership, association (by name or table), rule (by type) or ID namespace association (by name or namespace) twice.</summary>
    public void AssertNoDuplicates()
    {
        AssertUnique("active membership per collaboration", Memberships.Where(m => m.Status == "ACTIVE"), m => (m.AccountId, m.CollaborationId));
        AssertUnique("association name per membership", TableAssociations, a => (a.MembershipId, a.Name));
        AssertUnique("association of a table per membership", TableAssociations, a => (a.MembershipId, a.ConfiguredTableId));
        AssertUnique("rule type per association", TableAssociations.SelectMany(a => a.Rules.Select(r => (a.Id, r.Type))), r => r);
        AssertUnique("ID namespace association name per membership", IdNamespaceAssociations, n => (n.MembershipId, n.Name));
        AssertUnique("ID namespace per membership", IdNamespaceAssociations, n => (n.MembershipId, n.InputReferenceArn));
    }

    /// <summary>Every collaboration 1..count fully joined as the onboarding config asks: 2 associations with a CUSTOM rule, 1 ID namespace association.</summary>
    public void AssertOnboarded(string account, int count)
    {
        Assert.Equal(count, ActiveMembershipsOf(account).Count());
        foreach (var membership in ActiveMembershipsOf(account))
        {
            var associations = TableAssociations.Where(a => a.MembershipId == membership.Id).ToList();
            Assert.Equal(["acx_t_alpha", "acx_t_beta"], associations.Select(a => a.Name).Order(StringComparer.Ordinal));
            Assert.All(associations, a => Assert.Equal(["CUSTOM"], a.Rules.Select(r => r.Type)));
            Assert.Equal([OnboardingWorld.NamespaceName], IdNamespaceAssociations.Where(n => n.MembershipId == membership.Id).Select(n => n.Name));
            Assert.Equal("ENABLED", membership.QueryLogStatus);
        }
    }

    private static void AssertUnique<T, TKey>(string what, IEnumerable<T> rows, Func<T, TKey> key)
    {
        var duplicates = rows.GroupBy(key).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what}: {string.Join(", ", duplicates)}");
    }
}
