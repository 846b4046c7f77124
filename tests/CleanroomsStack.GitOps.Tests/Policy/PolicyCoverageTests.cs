using CleanroomsStack.Core.Policy;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.GitOps.Tests.Support;

namespace CleanroomsStack.GitOps.Tests.Policy;

/// <summary>
/// The policy allows every AWS operation the commands of its scope call, and nothing more: the catalog and the client's
/// operation table list the same operations, and real runs against the emulator call only what the catalog says.
/// </summary>
public sealed class PolicyCoverageTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public void TheCatalogListsExactlyTheOperationsTheClientCanCall()
    {
        var client = AwsCalls.ClientOperations().ToHashSet();
        var catalog = OperationPermissions.All.Select(p => new CalledOperation(p.Service, p.Operation)).ToHashSet();

        Assert.Equal(client.Count, AwsCalls.ClientOperations().Count);
        Assert.Empty(client.Except(catalog));
        Assert.Empty(catalog.Except(client));
        Assert.All(OperationPermissions.All, p => Assert.NotEmpty(p.CalledBy));
    }

    [Fact]
    public void EveryActionOfAnOperationIsNamedAfterItsServiceAndOperation()
    {
        foreach (var permission in OperationPermissions.All.Where(p => p.Actions.Count > 0))
            Assert.Equal([$"{permission.Service}:{permission.Operation}"], permission.Actions);
        // The one operation without an action: AWS authorizes sts:GetCallerIdentity for every principal.
        Assert.Equal("GetCallerIdentity", Assert.Single(OperationPermissions.All, p => p.Actions.Count == 0).Operation);
    }

    [Fact]
    public async Task ReadCommandsCallOnlyOperationsTheReadPolicyAllows()
    {
        var policy = await PolicyFor("read");
        var help = (await CliHarness.RunAsync("--help")).Out;
        // verify joins the check as soon as the CLI has it.
        var commands = OperationPermissions.Commands(PolicyScope.Read).Where(c => help.Contains($"\n  {c} ")).Order().ToList();
        Assert.Superset(new HashSet<string> { "add", "drift", "invitations", "preview" }, commands.ToHashSet());
        foreach (var command in commands)
        {
            string[] arguments = command == "add" ? ["--all-pending", "--dry-run"] : [];
            var run = await cli.RunLocalAsync([command, .. arguments, "--verbose"]);
            Assert.True(run.ExitCode is 0 or 2, run.ToString());
            AssertAllowed(command, AwsCalls.FromVerboseLog(run.Error), policy);
        }
    }

    [Fact]
    public async Task UpCallsOnlyOperationsTheUpPolicyAllowsWhenCreatingUpdatingAndReplacing()
    {
        var policy = await PolicyFor("up");
        var first = await cli.RunLocalAsync("up", "--yes", "--verbose");
        Assert.True(first.ExitCode == 0, first.ToString());
        var calls = AwsCalls.FromVerboseLog(first.Error).ToHashSet();

        // Change what each resource kind can change in place or by replacement, and apply again.
        var text = File.ReadAllText(cli.ConfigPath)
            .Replace("queryLogStatus: ENABLED", "queryLogStatus: DISABLED")
            .Replace("allowedResultReceivers: auto", "allowedResultReceivers: [\"921290734397\"]")
            .Replace("role: cleanrooms-glue-s3-access ", "role: cleanrooms-glue-s3-access\n    description: shared by ACX ")
            .Replace("description: ACX unique customer identifiers for Clean Rooms joins", "description: ACX identifiers");
        File.WriteAllText(cli.ConfigPath, text.Replace("exclude: [part_n_a, part_n_a_a]", "exclude: [part_n_a, part_n_a_a, part_age]"));
        var second = await cli.RunLocalAsync("up", "--yes", "--verbose");
        Assert.True(second.ExitCode == 0, second.ToString());
        calls.UnionWith(AwsCalls.FromVerboseLog(second.Error));

        foreach (var expected in new[] { "CreateMembership", "UpdateMembership", "CreateConfiguredTableAssociation", "UpdateConfiguredTableAssociation",
                     "DeleteConfiguredTableAssociation", "CreateConfiguredTableAssociationAnalysisRule", "UpdateConfiguredTableAssociationAnalysisRule",
                     "CreateIdNamespaceAssociation", "UpdateIdNamespaceAssociation" })
            Assert.Contains(new CalledOperation("cleanrooms", expected), calls);
        AssertAllowed("up", calls, policy);
    }

    [Fact]
    public async Task TheReadPolicyGrantsNoWriteAndTheUpPolicyNoVerifyOnlyRead()
    {
        var read = await PolicyFor("read");
        var up = await PolicyFor("up");

        Assert.DoesNotContain(read, a => a.StartsWith("cleanrooms:Create") || a.StartsWith("cleanrooms:Update") || a.StartsWith("cleanrooms:Delete"));
        Assert.DoesNotContain(read, a => a.StartsWith("iam:") || a.StartsWith("logs:") || a.Contains("PolicyStatement"));
        Assert.DoesNotContain("cleanrooms:BatchGetSchema", up);
        // Planning checks the names it creates against the other members' schema names, so up lists the schemas.
        Assert.Contains("cleanrooms:ListSchemas", up);
        // Planning reads rules through the collaboration schemas, so up needs the batch read too.
        Assert.Contains("cleanrooms:BatchGetSchemaAnalysisRule", up);
        // up reads the collaboration to find a membership that lists don't show yet (read-after-write lag).
        Assert.Contains("cleanrooms:GetCollaboration", up);
        Assert.Contains("cleanrooms:ListSchemas", read);
    }

    /// <summary>Each called operation belongs to the command in the catalog, and the policy holds all of its actions.</summary>
    private static void AssertAllowed(string command, IReadOnlySet<CalledOperation> calls, IReadOnlySet<string> policyActions)
    {
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var permission = Assert.Single(OperationPermissions.All, p => p.Service == call.Service && p.Operation == call.Operation);
            Assert.True(permission.CalledBy.Contains(command), $"{command} called {call.Operation}, which the catalog does not list for it");
            Assert.All(permission.Actions, action => Assert.Contains(action, policyActions));
        }
    }

    private async Task<IReadOnlySet<string>> PolicyFor(string scope)
    {
        var result = await CliHarness.RunAsync("policy", "--for", scope, "--config", cli.ConfigPath);
        Assert.True(result.ExitCode == 0, result.ToString());
        return PolicyJson.Actions(result.Out);
    }

    public void Dispose() => cli.Dispose();
}
