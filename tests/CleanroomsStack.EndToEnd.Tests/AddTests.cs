using System.Text.Json;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// <c>add</c> against the demo world: a pending invitation becomes a new entry of collaborations.yaml by added lines
/// only, the result validates and previews the acceptance; what is not a pending invitation, or already listed, is
/// refused and the file stays as it was.
/// </summary>
public sealed class AddTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task AddingTheRetailMediaInvitationOnlyAddsLinesAndPreviewsItsAcceptance()
    {
        var before = File.ReadAllText(cli.ConfigPath);

        var add = await cli.RunLocalAsync("add", DemoWorld.RetailCollaborationId);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains($"Added 'Retail Media Collaboration' ({DemoWorld.RetailCollaborationId})", add.Out);
        Assert.Equal(
        [
            "  - name: Retail Media Collaboration",
            $"    id: {DemoWorld.RetailCollaborationId}",
            "    note: \"Invited by Retail Media Partner (657425294073) on 2025-01-03\"",
            "    creatorAccountId: \"657425294073\"",
        ], LineDiff.Added(before, File.ReadAllText(cli.ConfigPath)));
        var validate = await CliHarness.RunAsync("validate", "--config", cli.ConfigPath);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        var preview = await cli.RunLocalAsync("preview");
        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains($"Retail Media Collaboration ({DemoWorld.RetailCollaborationId}): accept invitation from Retail Media Partner (657425294073)", preview.Out);
    }

    [Fact]
    public async Task DryRunPrintsTheLinesAndWritesNothing()
    {
        var before = File.ReadAllText(cli.ConfigPath);

        var add = await cli.RunLocalAsync("add", "--all-pending", "--dry-run");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(before, File.ReadAllText(cli.ConfigPath));
        var lines = add.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["  - name: Retail Media Collaboration", "  - name: Measurement Collaboration"], lines.Where(l => l.Contains("- name:")));
        Assert.Equal(8, lines.Length);
    }

    [Fact]
    public async Task AllPendingAddsEachUnlistedInvitationOnceOldestFirst()
    {
        var first = await cli.RunLocalAsync("add", "--all-pending");
        var second = await cli.RunLocalAsync("add", "--all-pending");

        Assert.True(first.ExitCode == 0, first.ToString());
        var ids = File.ReadAllLines(cli.ConfigPath).Where(l => l.TrimStart().StartsWith("id: ", StringComparison.Ordinal)).Select(l => l.Trim()[4..]);
        Assert.Equal([DemoWorld.AmcCollaborationId, DemoWorld.RetailCollaborationId, DemoWorld.MeasurementCollaborationId], ids);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No pending invitations that", second.Out);
        Assert.Contains("doesn't cover; nothing was added.", second.Out);
    }

    [Theory]
    [InlineData("11111111-2222-4333-8444-555555555555", "is not a pending invitation of this account in us-east-1")]
    [InlineData(DemoWorld.AmcCollaborationId, "is already in")]
    [InlineData("5C0D9A1E-2F43-4B6E-9A7D-3E1F8B2C4D60", "AWS accepts lowercase ids only: 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60")]
    [InlineData("Retail Media Collaboration", "is not a collaboration id")]
    public async Task WhatIsNotANewPendingInvitationIsRefusedAndTheFileIsLeftAlone(string id, string message)
    {
        var before = File.ReadAllText(cli.ConfigPath);

        var add = await cli.RunLocalAsync("add", id);

        Assert.Equal(1, add.ExitCode);
        Assert.Contains(message, add.Error);
        Assert.Contains("nothing was added", add.Error);
        Assert.Single(add.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllText(cli.ConfigPath));
    }

    [Fact]
    public async Task AnInvitationWeAlreadyJoinedIsRefusedWithTheWayToManageIt()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var config = File.ReadAllText(cli.ConfigPath);
        File.WriteAllText(cli.ConfigPath, config[..config.IndexOf("collaborations:", StringComparison.Ordinal)] + "collaborations: []\n");

        var add = await cli.RunLocalAsync("add", DemoWorld.AmcCollaborationId);

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("already a member of 'AMC Collaboration'", add.Error);
    }

    [Fact]
    public async Task AHostileInvitationNameIsEscapedInTheFileAndOnTheTerminal()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("invitations")).ExitCode); // the emulator saves its state on stop
        var hostile = "Retail \"Media\": #1 \u001b[2J\u202eevil";
        var state = File.ReadAllText(cli.StateFile).Replace("\"name\": \"Retail Media Collaboration\"",
            $"\"name\": {JsonSerializer.Serialize(hostile)}", StringComparison.Ordinal);
        File.WriteAllText(cli.StateFile, state);

        var add = await cli.RunLocalAsync("add", DemoWorld.RetailCollaborationId);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.DoesNotContain('\u001b', add.Out + add.Error);
        Assert.Contains(@"Retail ""Media"": #1 \x1b[2J\u202eevil", add.Out);
        var line = File.ReadAllLines(cli.ConfigPath).Single(l => l.Contains("name: \"Retail", StringComparison.Ordinal));
        Assert.Equal(@"  - name: ""Retail \""Media\"": #1 \x1b[2J\u202eevil""", line);
        var preview = await cli.RunLocalAsync("preview");
        Assert.True(preview.ExitCode == 0, preview.ToString());
    }

    public void Dispose() => cli.Dispose();
}
