using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

public class MembershipSettingsPlanTests
{
    public static readonly string Configured = TeamConfig.Yaml.Replace("  membership: { queryLogStatus: ENABLED }", """
          membership:
            queryLogStatus: ENABLED
            jobLogStatus: ENABLED
            defaultResultConfiguration: { bucket: acx-results, keyPrefix: out/, resultFormat: PARQUET, role: cleanrooms-results }
            paymentConfiguration: { queryCompute: false }
          tags: { team: acx }
        """);

    private static readonly MembershipState Applied = DemoWorld.Applied(Scenario.Desired(Configured).Collaborations[0]);

    private static ResourceChange Membership(Plan plan) => plan.Changes.First();

    [Fact]
    public void Create_carries_every_setting_and_tags()
    {
        var plan = Scenario.Plan(Configured, new LiveState([]));
        var diffs = Membership(plan).Diffs.ToDictionary(d => d.Path, d => AttributeValue.Render(d.After));
        Assert.Equal("acx-results", diffs["defaultResultConfiguration.outputConfiguration.s3.bucket"]);
        Assert.Equal("arn:aws:iam::239083076653:role/cleanrooms-results", diffs["defaultResultConfiguration.roleArn"]);
        Assert.Equal("false", diffs["paymentConfiguration.queryCompute.isResponsible"]);
        Assert.Equal("{team=acx}", diffs["tags"]);
        var association = plan.Changes.OfKind<TableAssociationChange>().First();
        Assert.Equal("acx", association.Desired!.Tags!["team"]);
        Assert.Contains(association.Diffs, d => d.Path == "tags");
    }

    [Fact]
    public void Applied_settings_plan_no_changes()
    {
        Assert.False(Scenario.Plan(Configured, new LiveState([Applied])).HasChanges);
    }

    [Fact]
    public void Result_configuration_drift_updates_the_membership()
    {
        var live = Applied with { DefaultResultConfiguration = Applied.DefaultResultConfiguration! with { ResultFormat = "CSV" }, JobLogStatus = "DISABLED" };
        var change = Membership(Scenario.Plan(Configured, new LiveState([live])));
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(["defaultResultConfiguration.outputConfiguration.s3.resultFormat", "jobLogStatus"], change.Diffs.Select(d => d.Path).Order());
    }

    [Fact]
    public void Unmanaged_settings_are_not_compared()
    {
        var live = Applied with { JobLogStatus = "ENABLED", DefaultResultConfiguration = new ResultConfiguration("other", null, "CSV", false, null) };
        Assert.False(Scenario.Plan(TeamConfig.Yaml, new LiveState([live])).HasChanges);
    }

    [Fact]
    public void Payment_that_differs_from_the_creators_assignment_is_an_error_before_any_call()
    {
        var desired = Scenario.Desired(Configured, InventoryWith(AmcInvitation(weQueryPay: true)));
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.PaymentMismatch, error.Code);
        Assert.Contains("queryCompute is false but the creator assigned true", error.Message);
        Assert.Equal(8, error.Location!.Line);
    }

    [Fact]
    public void Payment_differing_from_an_existing_membership_is_an_error_not_a_replacement()
    {
        var plan = Scenario.Plan(Configured, new LiveState([Applied with { Payment = new PaymentConfiguration(true) }]));
        Assert.False(plan.HasChanges);
        Assert.Contains(plan.Diagnostics, d => d.Code == DiagnosticCodes.PaymentNotUpdatable && d.Severity == Severity.Error);
    }
}
