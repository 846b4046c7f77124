using System.Text.Json.Nodes;
using CleanroomsStack.Pulumi.Tests.Support;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>An IdNamespaceAssociation through the engine's lifecycle, over the list kind's own differ and engine.</summary>
public sealed class IdNamespaceAssociationLifecycleTests(IdNamespaceAssociationLifecycleTests.Run run) : IClassFixture<IdNamespaceAssociationLifecycleTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        public JsonObject Transcript { get; private set; } = [];
        public async Task InitializeAsync() => Transcript = await EngineHarness.RunAsync("id-namespace-association.cjs");
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private JsonObject T => run.Transcript;

    private int Writes(string step, string operation) => T[step]!["writesAfter"]![operation]?.GetValue<int>() ?? 0;

    [Fact]
    public void Check_names_the_missing_name_and_the_bad_arn()
    {
        var bad = T.Ok("checkBad")["failures"]!.AsArray().Select(f => f!["property"]!.GetValue<string>()).Order();
        Assert.Equal(["arn", "name"], bad);
    }

    [Fact]
    public void A_preview_writes_nothing_and_create_associates_the_namespace()
    {
        Assert.Equal(0, Writes("createPreview", "CreateIdNamespaceAssociation"));
        Assert.Equal(1, Writes("create", "CreateIdNamespaceAssociation"));
        Assert.Contains("|", T.Ok("create")["id"]!.GetValue<string>());
    }

    [Fact]
    public void Diff_updates_a_description_and_replaces_on_manageResourcePolicies()
    {
        Assert.Equal(1, T.Ok("diffSame")["changes"]!.GetValue<int>());
        Assert.Equal(["description"], T.Ok("diffDescription")["diffs"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["manageResourcePolicies"], T.Ok("diffManage")["replaces"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void Update_read_and_delete_go_through_the_kinds_engine()
    {
        Assert.Equal(1, Writes("update", "UpdateIdNamespaceAssociation"));
        Assert.Equal("ACX customer ids", T.Ok("read")["properties"]!["description"]!.GetValue<string>());
        Assert.Equal(1, Writes("delete", "DeleteIdNamespaceAssociation"));
        Assert.Equal("", T.Ok("readAfterDelete")["id"]!.GetValue<string>());
    }
}
