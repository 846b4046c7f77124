using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>A failed change stops only what depends on it; the rest finishes, and the result says what, why and what to do.</summary>
public sealed class PartialFailureTests
{
    [Fact]
    public async Task AMembershipBlockedByAQuotaSkipsOnlyItsCollaborationAndReportsTheAwsErrorWithAHint()
    {
        await using var world = await StackWorld.StartAsync(3, quotas: new EmulatorQuotas { MembershipsPerAccount = 2 }, persist: true);

        var run = await world.UpAsync(StackWorld.FastApply with { Parallelism = 1 });

        Assert.False(run.Result.Succeeded);
        var failed = Assert.Single(run.Result.With(OutcomeStatus.Failed));
        Assert.Equal(MembershipKind.Instance, failed.Change.Kind);
        Assert.Equal("ServiceQuotaExceededException", failed.ErrorCode);
        Assert.Contains("Memberships per account", failed.Message);
        Assert.Contains("Service Quotas", failed.Hint);
        var blocked = failed.Change.Address.CollaborationId;
        var skipped = run.Result.With(OutcomeStatus.Skipped).ToList();
        Assert.Equal(OnboardingWorld.ChangesPerCollaboration - 1, skipped.Count);
        Assert.All(skipped, s =>
        {
            Assert.Equal(blocked, s.Change.Address.CollaborationId);
            Assert.Contains($"{ChangeNames.Relative(failed.Change.Address)} (create) failed", s.Message); // named as the plan names it in the collaboration's block
        });
        Assert.Equal(2 * OnboardingWorld.ChangesPerCollaboration, run.Result.Count(OutcomeStatus.Succeeded));
        Assert.All(run.Result.With(OutcomeStatus.Succeeded), o => Assert.NotEqual(blocked, o.Change.Address.CollaborationId));

        // Raise the quota (as Service Quotas would) and run again: only the blocked collaboration is left to do.
        await world.StopAsync();
        await world.RestartAsync(new EmulatorQuotas());
        var rerun = await world.UpAsync();

        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        Assert.All(rerun.Result.Outcomes, o => Assert.Equal(blocked, o.Change.Address.CollaborationId));
        await world.AssertConvergedAsync(3);
    }

    [Fact]
    public async Task ARejectedIdNamespaceAssociationLeavesEverythingElseAppliedAndNamesTheSettingToFix()
    {
        await using var world = await StackWorld.StartAsync(3);
        const string foreignNamespace = $"arn:aws:entityresolution:us-east-1:{OnboardingWorld.Partner}:idnamespace/PartnerNamespace";
        world.WriteConfig(OnboardingWorld.Config(3, new Dictionary<int, string> { [2] = NamespaceOverride(foreignNamespace) }));

        var run = await world.UpAsync();

        var failed = Assert.Single(run.Result.With(OutcomeStatus.Failed));
        Assert.Equal(IdNamespaceAssociationKind.Instance, failed.Change.Kind);
        Assert.Equal(OnboardingWorld.CollaborationId(2), failed.Change.Address.CollaborationId);
        Assert.Equal("ValidationException", failed.ErrorCode);
        Assert.Contains("idNamespaceAssociations", failed.Hint);
        Assert.Empty(run.Result.With(OutcomeStatus.Skipped));
        Assert.Equal(3 * OnboardingWorld.ChangesPerCollaboration - 1, run.Result.Count(OutcomeStatus.Succeeded));
        var logged = Assert.Single(AuditAssert.Read(world.AuditPath), e => e.Outcome == "failed");
        Assert.Equal((failed.Change.Address.ToString(), "ValidationException"), (logged.Address, logged.Error!.Code));
        Assert.Equal(failed.RequestId, logged.RequestId);
        Assert.NotNull(logged.RequestId);

        world.WriteConfig(OnboardingWorld.Config(3));
        var rerun = await world.UpAsync();

        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        Assert.Equal(failed.Change.Address, Assert.Single(rerun.Result.Outcomes).Change.Address);
        await world.AssertConvergedAsync(3);
    }

    [Fact]
    public async Task AFailedRuleDeleteSkipsOnlyItsAssociationDeleteAndEverythingElseIsApplied()
    {
        await using var world = await StackWorld.StartAsync(2);
        Assert.True((await world.UpAsync()).Result.Succeeded);
        world.Emulator.SetFaults(new FaultSettings
        {
            Operations = new Dictionary<string, OperationFaults> { ["DeleteConfiguredTableAssociationAnalysisRule"] = new() { ErrorRate = 1 } },
        });
        world.WriteConfig(OnboardingWorld.Config(2).Replace("include: [\"t_*\"]", "include: [\"t_alpha\"]").Replace("queryLogStatus: ENABLED", "queryLogStatus: DISABLED"));

        var run = await world.UpAsync();

        Assert.Equal(2, run.Result.Count(OutcomeStatus.Failed));
        Assert.All(run.Result.With(OutcomeStatus.Failed), f => Assert.Equal((AnalysisRuleKind.Instance, ChangeAction.Delete), (f.Change.Kind, f.Change.Action)));
        var skipped = run.Result.With(OutcomeStatus.Skipped).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, s => Assert.Equal((TableAssociationKind.Instance, ChangeAction.Delete), (s.Change.Kind, s.Change.Action)));
        Assert.All(skipped, s => Assert.Contains("analysis-rule[CUSTOM] (delete) failed", s.Message));
        // The unrelated membership updates went through.
        Assert.Equal(2, run.Result.With(OutcomeStatus.Succeeded).Count(o => o.Change.Kind == MembershipKind.Instance));

        world.Emulator.SetFaults(FaultSettings.None);
        Assert.True((await world.UpAsync()).Result.Succeeded);
        await world.AssertConvergedAsync(2, onboarded: false);
        Assert.All((await world.StateAsync()).ActiveMembershipsOf(OnboardingWorld.Us), m => Assert.Equal("DISABLED", m.QueryLogStatus));
    }

    private static string NamespaceOverride(string arn) => $"""
            idNamespaceAssociations:
              - name: {OnboardingWorld.NamespaceName}
                arn: {arn}
                description: our identifiers
                manageResourcePolicies: true
                allowUseAsDimensionColumn: false

        """;
}
