using System.Text.Json.Nodes;
using CleanroomsStack.Pulumi.Tests.Support;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>
/// A Membership through the lifecycle Pulumi's engine drives (check, preview, create, diff, update, refresh, delete),
/// against the emulator's demo world, through Pulumi's own stubs. Write counts come from the emulator's stats.
/// </summary>
public sealed class MembershipLifecycleTests(MembershipLifecycleTests.Run run) : IClassFixture<MembershipLifecycleTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        public JsonObject Transcript { get; private set; } = [];
        public async Task InitializeAsync() => Transcript = await EngineHarness.RunAsync("membership.cjs");
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private JsonObject T => run.Transcript;

    private int Writes(string step, string operation) => T[step]!["writesAfter"]![operation]?.GetValue<int>() ?? 0;

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>());

    [Fact]
    public void Check_accepts_good_and_unknown_inputs_and_names_every_bad_property()
    {
        Assert.Empty(T.Ok("checkGood")["failures"]!.AsArray());
        Assert.Empty(T.Ok("checkUnknown")["failures"]!.AsArray());
        var bad = T.Ok("checkBad")["failures"]!.AsArray().Select(f => f!["property"]!.GetValue<string>()).Order();
        Assert.Equal(["collaborationId", "colour", "queryLogStatus"], bad);
    }

    [Fact]
    public void A_preview_create_writes_nothing_and_leaves_computed_outputs_unknown_even_with_unknown_inputs()
    {
        Assert.Equal(0, Writes("createPreview", "CreateMembership"));
        Assert.Equal(0, Writes("createUnknownPreview", "CreateMembership"));
        var properties = T.Ok("createPreview")["properties"]!;
        Assert.Equal("04da6b54-80e4-46f7-96ec-b56ff0331ba9", properties["membershipId"]!.GetValue<string>());
        Assert.Equal("04da6b54-80e4-46f7-96ec-b56ff0331ba9", T.Ok("createUnknownPreview")["properties"]!["collaborationId"]!.GetValue<string>());
    }

    [Fact]
    public void Create_accepts_the_invitation_and_outputs_the_membership()
    {
        Assert.Equal(1, Writes("create", "CreateMembership"));
        var created = T.Ok("create");
        var properties = created["properties"]!;
        Assert.Equal(created["id"]!.GetValue<string>(), properties["membershipId"]!.GetValue<string>());
        Assert.Equal("ACTIVE", properties["status"]!.GetValue<string>());
        Assert.Equal("AMC Collaboration", properties["collaborationName"]!.GetValue<string>());
        Assert.Equal("921290734397", properties["creatorAccountId"]!.GetValue<string>());
    }

    [Fact]
    public void Diff_reports_nothing_for_unchanged_inputs_and_paths_for_changed_ones()
    {
        Assert.Equal(1, T.Ok("diffSame")["changes"]!.GetValue<int>()); // DIFF_NONE
        var changed = T.Ok("diffChanged");
        Assert.Equal(2, changed["changes"]!.GetValue<int>()); // DIFF_SOME
        Assert.Equal(["queryLogStatus"], Strings(changed["diffs"]));
        Assert.Empty(changed["replaces"]!.AsArray());
        var result = T.Ok("diffResult")["detailedDiff"]!.AsObject().Select(p => p.Key).Order();
        Assert.Contains("defaultResultConfiguration.bucket", result);
        Assert.Contains("defaultResultConfiguration.role", result);
    }

    [Fact]
    public void Diff_replaces_on_a_new_collaborationId_and_reports_an_unknown_input_as_a_change()
    {
        var replace = T.Ok("diffReplace");
        Assert.Equal(["collaborationId"], Strings(replace["replaces"]));
        Assert.Equal(5, replace["detailedDiff"]!["collaborationId"]!.GetValue<int>()); // UPDATE_REPLACE
        Assert.Equal(["queryLogStatus"], Strings(T.Ok("diffUnknown")["diffs"]));
    }

    [Fact]
    public void Update_writes_only_when_not_previewing()
    {
        Assert.Equal(0, Writes("updatePreview", "UpdateMembership"));
        Assert.Equal(1, Writes("update", "UpdateMembership"));
        Assert.Equal("DISABLED", T.Ok("update")["properties"]!["queryLogStatus"]!.GetValue<string>());
    }

    [Fact]
    public void Read_shows_an_out_of_band_change()
    {
        var read = T.Ok("read");
        Assert.Equal("ENABLED", read["properties"]!["queryLogStatus"]!.GetValue<string>());
        Assert.Equal("ENABLED", read["inputs"]!["queryLogStatus"]!.GetValue<string>());
        Assert.Null(read["inputs"]!["membershipId"]);
    }

    [Fact]
    public void Delete_without_allowLeave_leaves_AWS_untouched_and_says_why()
    {
        var (code, details) = T.Error("deleteWithoutAllowLeave");
        Assert.Equal("FAILED_PRECONDITION", code);
        Assert.Contains("allowLeave", details);
        Assert.Equal(0, Writes("deleteWithoutAllowLeave", "DeleteMembership"));
    }

    [Fact]
    public void Delete_with_allowLeave_leaves_and_a_later_read_finds_it_gone()
    {
        T.Ok("deleteWithAllowLeave");
        Assert.Equal(1, Writes("deleteWithAllowLeave", "DeleteMembership"));
        Assert.Equal("", T.Ok("readAfterLeave")["id"]!.GetValue<string>());
        Assert.Equal(0, T["exit"]!.GetValue<int>());
    }
}
