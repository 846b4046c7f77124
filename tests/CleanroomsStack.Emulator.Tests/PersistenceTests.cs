using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>With a state directory, what one run did is there for the next.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cleanrooms-emulator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task State_survives_a_restart_and_is_written_atomically()
    {
        var options = new EmulatorOptions { StateDirectory = _directory, SyncStateToDisk = true };
        string membershipId;
        await using (var first = await TestEmulator.StartAsync(options))
        {
            using var us = SignedClient.For(first.Endpoint, TestEmulator.Us);
            membershipId = await Scenario.JoinAsync(us);
        }

        Assert.Equal(["emulator-state.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));

        await using var second = await TestEmulator.StartAsync(options);
        using var again = SignedClient.For(second.Endpoint, TestEmulator.Us);
        var membership = (await again.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("ACTIVE", membership.Str("membership.status"));
        var rejoin = await again.PostAsync("/memberships",
            new JsonObject { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" });
        rejoin.ExpectError(HttpStatusCode.Conflict, "ConflictException");
    }

    [Fact]
    public async Task Reads_do_not_write_and_reset_returns_to_the_initial_world()
    {
        var options = new EmulatorOptions { StateDirectory = _directory };
        await using var emulator = await TestEmulator.StartAsync(options);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);
        Assert.False(File.Exists(Path.Combine(_directory, "emulator-state.json")));

        await Scenario.JoinAsync(us);
        await emulator.ResetAsync();

        var invited = (await us.GetAsync("/collaborations?memberStatus=INVITED")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, invited.Node("collaborationList")!.AsArray().Count);
        Assert.Empty((await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray());
    }

    [Fact]
    public async Task A_write_interrupted_by_a_kill_leaves_the_last_complete_state()
    {
        var options = new EmulatorOptions { StateDirectory = _directory };
        string membershipId;
        await using (var first = await TestEmulator.StartAsync(options))
        {
            using var us = SignedClient.For(first.Endpoint, TestEmulator.Us);
            membershipId = await Scenario.JoinAsync(us);
        }

        // What a kill between writing the temporary file and renaming it leaves behind: a torn temporary file.
        var torn = Path.Combine(_directory, "emulator-state.json.0123456789abcdef.tmp");
        await File.WriteAllTextAsync(torn, "{ \"accounts\": [ { \"accountId\": ");

        await using var restarted = await TestEmulator.StartAsync(options);
        using var again = SignedClient.For(restarted.Endpoint, TestEmulator.Us);
        Assert.Equal("ACTIVE", (await again.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK).Str("membership.status"));
        Assert.False(File.Exists(torn));
    }

    [Fact]
    public async Task A_corrupt_state_file_is_reported_with_its_path()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "emulator-state.json"), "{ \"accounts\": [ ");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(new EmulatorOptions { StateDirectory = _directory }));

        Assert.Contains("emulator-state.json", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
