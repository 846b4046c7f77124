using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>What someone does in the console behind the tool's back, for <see cref="CliHarness.ChangeOutOfBandAsync"/>.</summary>
public static class ConsoleEdits
{
    /// <summary>Deletes one of our associations as the console does: its rule, then the association.</summary>
    public static async Task DeleteAssociationAsync(ICleanRoomsApi api, string name)
    {
        var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
        var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == name);
        await api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membership.Id, association.Id, "CUSTOM", default);
        await api.DeleteConfiguredTableAssociationAsync(membership.Id, association.Id, default);
    }

    /// <summary>Removes the tool's record from our membership (its reserved tags), as someone tidying tags in the console might.</summary>
    public static async Task RemoveRecordAsync(ICleanRoomsApi api)
    {
        var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
        var tags = await api.ListTagsForResourceAsync(membership.Arn, default);
        await api.UntagResourceAsync(membership.Arn, tags.Keys.Where(k => k.StartsWith("cleanrooms-stack:", StringComparison.Ordinal)).ToList(), default);
    }
}
