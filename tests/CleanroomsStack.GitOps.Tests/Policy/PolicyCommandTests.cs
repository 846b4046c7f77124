using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.GitOps.Tests.Support;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Policy;

/// <summary>`policy` on the repository's config and on configs that need more (or less) than it.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("read")]
    [InlineData("up")]
    public async Task ThePolicyForTheRepositoryConfigMatchesItsGoldenFile(string scope)
    {
        var result = await Policy("--for", scope, "--account-id", "239083076653");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Golden.AssertMatches($"policy-{scope}.json", result.Out);
    }

    [Fact]
    public async Task RoleNamesResolveInTheGivenAccountOrAnyAccountAndArnsStayAsWritten()
    {
        Edit(t => t.Replace("    queryLogStatus: ENABLED\n", "    queryLogStatus: ENABLED\n" +
            "    defaultResultConfiguration: { bucket: acx-results, role: 'arn:aws:iam::111122223333:role/results-writer' }\n"));

        var resolved = PolicyJson.Statement((await Policy("--for", "up", "--account-id", "239083076653")).Out, "PassRolesToCleanRooms");
        var wildcard = PolicyJson.Statement((await Policy("--for", "up")).Out, "PassRolesToCleanRooms");

        Assert.Equal(["arn:aws:iam::111122223333:role/results-writer", "arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access"],
            PolicyJson.Resources(resolved));
        Assert.Equal(["arn:aws:iam::*:role/cleanrooms-glue-s3-access", "arn:aws:iam::111122223333:role/results-writer"],
            PolicyJson.Resources(wildcard));
        Assert.Equal("cleanrooms.amazonaws.com",
            resolved.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService")[0].GetString());
    }

    [Fact]
    public async Task LoggingAndManagedResourcePoliciesEachAddOnlyWhatTheyNeed()
    {
        var plain = PolicyJson.Actions((await Policy("--for", "up")).Out);
        Assert.Contains("logs:CreateLogDelivery", plain);
        Assert.Contains("entityresolution:AddPolicyStatement", plain);
        // The tag operations are in every policy, whether the config names tags or not.
        Assert.Superset(new HashSet<string> { "cleanrooms:ListTagsForResource", "cleanrooms:TagResource", "cleanrooms:UntagResource" }, plain.ToHashSet());
        Assert.Contains("cleanrooms:ListTagsForResource", PolicyJson.Actions((await Policy("--for", "read")).Out));

        Edit(t => t.Replace("queryLogStatus: ENABLED", "queryLogStatus: DISABLED")
            .Replace("manageResourcePolicies: true", "manageResourcePolicies: false")
            .Replace("collaborations:\n", "  tags: { team: acx }\n\ncollaborations:\n"));
        var changed = PolicyJson.Actions((await Policy("--for", "up")).Out);

        Assert.Contains("cleanrooms:TagResource", changed);
        Assert.DoesNotContain(changed, a => a.StartsWith("logs:", StringComparison.Ordinal));
        Assert.DoesNotContain(changed, a => a.EndsWith("PolicyStatement", StringComparison.Ordinal));
        Assert.Contains("entityresolution:GetIdNamespace", changed);
    }

    [Fact]
    public async Task ABadAccountIdIsRefusedWithAHint()
    {
        var result = await Policy("--for", "up", "--account-id", "23908307665");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: --account-id '23908307665' is not a 12-digit AWS account id.", result.Error);
        Assert.Contains("hint:", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task AnUnknownScopeIsRefused()
    {
        var result = await Policy("--for", "write");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("write", result.Error);
    }

    [Fact]
    public async Task AnInvalidConfigIsReportedWithItsPosition()
    {
        Edit(t => t.Replace("type: CUSTOM", "type: CUSTOMER"));

        var result = await Policy("--for", "read");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("collaborations.yaml:27:", result.Error);
        Assert.Contains("did you mean 'CUSTOM'?", result.Error);
    }

    private Task<CliResult> Policy(params string[] args) => CliHarness.RunAsync(["policy", .. args, "--config", cli.ConfigPath]);

    private void Edit(Func<string, string> change) => File.WriteAllText(cli.ConfigPath, change(File.ReadAllText(cli.ConfigPath)));

    public void Dispose() => cli.Dispose();
}
