namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Issue #15: joining a collaboration can't be undone, so `up` never accepts an invitation the entry doesn't describe —
/// here, the demo world's second invitation under the first one's name.
/// </summary>
public sealed class WrongInvitationTests : IDisposable
{
    private const string RetailId = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Up_refuses_the_wrong_invitation_and_creates_no_membership()
    {
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("id: 27b93e2b-5001-4b20-a47b-6aad96ec8958", $"id: {RetailId}"));

        var up = await cli.RunLocalAsync("up", "--yes");

        Assert.True(up.ExitCode == 1, up.ToString());
        Assert.Contains("error CS216", up.Out + up.Error);
        Assert.Contains("is for 'Retail Media Collaboration'", up.Out + up.Error);
        Assert.Contains("calls it 'AMC Collaboration'", up.Out + up.Error);
        await cli.ChangeOutOfBandAsync(async api => Assert.Empty(await api.ListMembershipsAsync(null, default)));
    }

    public void Dispose() => cli.Dispose();
}
