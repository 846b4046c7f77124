using System.Text.Json.Nodes;
using CleanroomsStack.Pulumi.Tests.Support;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>A TableAssociation with its analysis rule through the engine's lifecycle, against the demo world, through Pulumi's stubs.</summary>
public sealed class TableAssociationLifecycleTests(TableAssociationLifecycleTests.Run run) : IClassFixture<TableAssociationLifecycleTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        public JsonObject Transcript { get; private set; } = [];
        public async Task InitializeAsync() => Transcript = await EngineHarness.RunAsync("table-association.cjs");
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private JsonObject T => run.Transcript;

    private int Writes(string step, string operation) => T[step]!["writesAfter"]![operation]?.GetValue<int>() ?? 0;

    [Fact]
    public void Check_names_bad_properties_and_accepts_a_membership_not_created_yet()
    {
        Assert.Empty(T.Ok("checkGood")["failures"]!.AsArray());
        Assert.Empty(T.Ok("checkUnknownMembership")["failures"]!.AsArray());
        var bad = T.Ok("checkBad")["failures"]!.AsArray().Select(f => f!["property"]!.GetValue<string>()).ToList();
        Assert.Contains("name", bad);
        Assert.Contains("analysisRule.type", bad);
        Assert.Contains("configuredTableName", bad);
    }

    [Fact]
    public void A_preview_writes_nothing_and_create_makes_the_association_and_its_rule()
    {
        Assert.Equal(0, Writes("createPreview", "CreateConfiguredTableAssociation"));
        Assert.Equal(1, Writes("create", "CreateConfiguredTableAssociation"));
        Assert.Equal(1, Writes("create", "CreateConfiguredTableAssociationAnalysisRule"));
        var created = T.Ok("create");
        Assert.Contains("|", created["id"]!.GetValue<string>());
        Assert.Equal(["921290734397"], created["properties"]!["analysisRule"]!["allowedResultReceivers"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.StartsWith("arn:aws:iam::239083076653:role/", created["properties"]!["roleArn"]!.GetValue<string>());
    }

    [Fact]
    public void Diff_keys_changes_by_Pulumi_paths_and_replaces_on_a_new_name()
    {
        Assert.Equal(1, T.Ok("diffSame")["changes"]!.GetValue<int>());
        Assert.NotNull(T.Ok("diffReceivers")["detailedDiff"]!["analysisRule.allowedResultReceivers[0]"]);
        Assert.Empty(T.Ok("diffReceivers")["replaces"]!.AsArray());
        Assert.Equal(["name"], T.Ok("diffRename")["replaces"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public void Update_writes_only_when_not_previewing_and_read_shows_the_result()
    {
        Assert.Equal(0, Writes("updatePreview", "UpdateConfiguredTableAssociation"));
        Assert.Equal(1, Writes("update", "UpdateConfiguredTableAssociation"));
        Assert.Equal("age bands", T.Ok("read")["properties"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Delete_removes_the_rule_and_the_association_and_a_bad_id_is_a_clear_error()
    {
        Assert.Equal(1, Writes("delete", "DeleteConfiguredTableAssociationAnalysisRule"));
        Assert.Equal(1, Writes("delete", "DeleteConfiguredTableAssociation"));
        Assert.Equal("", T.Ok("readAfterDelete")["id"]!.GetValue<string>());
        var (code, details) = T.Error("badId");
        Assert.Equal("INVALID_ARGUMENT", code);
        Assert.Contains("<membershipId>|<associationId>", details);
        Assert.Equal(0, T["exit"]!.GetValue<int>());
    }
}
