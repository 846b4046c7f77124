using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Issue #15: association names are the collaboration's schema names, one per name across every member. When a
/// partner already has a table named <c>acx_part_age</c>, preview reports it before any write, and `up` creates nothing.
/// (Only members can read the schemas, so the check needs the membership to exist.)
/// </summary>
public sealed class SchemaNameTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task A_partners_table_of_the_same_name_fails_preview_and_up_creates_nothing()
    {
        // Joined, with every table but part_age; then a partner names a table of theirs as ours would be (AWS compares lowercased).
        var config = File.ReadAllText(cli.ConfigPath);
        File.WriteAllText(cli.ConfigPath, config.Replace("exclude: [part_n_a", "exclude: [part_age, part_n_a"));
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        cli.GivePartnerATable("ACX_Part_Age");
        File.WriteAllText(cli.ConfigPath, config);

        var preview = await cli.RunLocalAsync("preview");
        Assert.True(preview.ExitCode == 1, preview.ToString());
        Assert.True(preview.Out.Contains("CS220") || preview.Error.Contains("CS220"), preview.ToString());
        Assert.Contains($"'acx_part_age' is already a table name in 'AMC Collaboration' ({DemoWorld.AmcCollaborationId}), owned by account {DemoWorld.AmcAccount}",
            preview.Out + preview.Error);

        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 1, up.ToString());
        Assert.DoesNotContain("CreateConfiguredTableAssociation", up.Out);
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            Assert.DoesNotContain(await api.ListConfiguredTableAssociationsAsync(membership.Id, default), a => a.Name == "acx_part_age");
        });
    }

    public void Dispose() => cli.Dispose();
}
