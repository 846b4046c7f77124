using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Names are unique per membership across renames: a rename frees the old name and takes the new one.</summary>
public sealed class MembershipChildNameTests
{
    [Fact]
    public async Task Renaming_an_id_namespace_association_frees_its_old_name_and_takes_the_new_one()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var er = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "entityresolution");
        (await er.PostAsync("/idnamespaces", new JsonObject { ["idNamespaceName"] = "Second", ["type"] = "SOURCE" })).Expect(HttpStatusCode.OK);
        var membershipId = await Scenario.JoinAsync(us);
        var path = $"/memberships/{membershipId}/idnamespaceassociations";
        JsonObject Body(string name, string idNamespace) => new()
        {
            ["name"] = name,
            ["inputReferenceConfig"] = new JsonObject
            {
                ["inputReferenceArn"] = $"arn:aws:entityresolution:us-east-1:{TestEmulator.Us}:idnamespace/{idNamespace}",
                ["manageResourcePolicies"] = true,
            },
        };
        var first = (await us.PostAsync(path, Body("ids", "ACXIdNamespace"))).Expect(HttpStatusCode.OK).Str("idNamespaceAssociation.id");

        (await us.PatchAsync($"{path}/{first}", new JsonObject { ["name"] = "renamed" })).Expect(HttpStatusCode.OK);
        var second = (await us.PostAsync(path, Body("ids", "Second"))).Expect(HttpStatusCode.OK).Str("idNamespaceAssociation.id");
        var taken = await us.PatchAsync($"{path}/{second}", new JsonObject { ["name"] = "renamed" });

        taken.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("name", taken.Str("fieldList.0.name"));
        (await us.PatchAsync($"{path}/{second}", new JsonObject { ["name"] = "ids" })).Expect(HttpStatusCode.OK);
        var names = (await us.GetAsync(path)).Expect(HttpStatusCode.OK).Node("idNamespaceAssociationSummaries")!.AsArray()
            .Select(a => a!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["ids", "renamed"], names);
    }
}
