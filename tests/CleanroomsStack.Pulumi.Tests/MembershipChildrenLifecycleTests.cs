using System.Text.Json.Nodes;
using CleanroomsStack.Pulumi.Tests.Support;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>An AnalysisTemplate and an IdMappingTable through the engine's lifecycle, over the list kinds' own differs and engines.</summary>
public sealed class MembershipChildrenLifecycleTests(MembershipChildrenLifecycleTests.Run run) : IClassFixture<MembershipChildrenLifecycleTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        public JsonObject Transcript { get; private set; } = [];
        public async Task InitializeAsync() => Transcript = await EngineHarness.RunAsync("membership-children.cjs");
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private JsonObject T => run.Transcript;

    private int Writes(string step, string operation) => T[step]!["writesAfter"]![operation]?.GetValue<int>() ?? 0;

    [Fact]
    public void Create_keeps_the_parameters_and_the_template_id_is_membership_scoped()
    {
        Assert.Equal(1, Writes("create", "CreateAnalysisTemplate"));
        var created = T.Ok("create");
        Assert.Contains("|", created["id"]!.GetValue<string>());
        Assert.Equal("min_age", created["properties"]!["parameters"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_new_description_updates_and_new_sql_replaces()
    {
        Assert.Equal(1, T.Ok("diffSame")["changes"]!.GetValue<int>());
        Assert.Empty(T.Ok("diffDescription")["replaces"]!.AsArray());
        Assert.Equal(["sql"], T.Ok("diffSql")["replaces"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(1, Writes("update", "UpdateAnalysisTemplate"));
        Assert.Equal(1, Writes("delete", "DeleteAnalysisTemplate"));
    }

    [Fact]
    public void An_id_mapping_table_is_created_replaced_on_a_new_name_and_deleted()
    {
        Assert.Equal(1, Writes("createMapping", "CreateIdMappingTable"));
        Assert.Equal(["name"], T.Ok("diffMappingName")["replaces"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(1, Writes("deleteMapping", "DeleteIdMappingTable"));
    }
}
