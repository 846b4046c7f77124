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
        Assert.Contains("membership.paymentConfiguration.queryCompute is false for 'AMC Collaboration', but the collaboration creator assigned true", error.Message);
        Assert.Equal(8, error.Location!.Line);
    }

    private static readonly PaymentConfiguration PaysForInference = new(false, ModelInference: true);

    private static Dictionary<string, string?> CreateDiffs(Plan plan) => Membership(plan).Diffs.ToDictionary(d => d.Path, d => AttributeValue.Render(d.After));

    [Fact]
    public void An_ml_payment_the_creator_assigned_is_filled_in_when_the_config_states_none()
    {
        var plan = Scenario.Plan(TeamConfig.Yaml, new LiveState([]), InventoryWith(AmcInvitation(ourPayment: PaysForInference)));

        Assert.DoesNotContain(plan.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("true", CreateDiffs(plan)["paymentConfiguration.machineLearning.modelInference.isResponsible"]);
        Assert.Equal("false", CreateDiffs(plan)["paymentConfiguration.queryCompute.isResponsible"]);
        Assert.EndsWith("payment as the collaboration creator assigned it (this account pays for model inference)", Membership(plan).Reason);
    }

    [Fact]
    public void Kinds_the_config_leaves_out_are_completed_from_the_assignment()
    {
        var plan = Scenario.Plan(Configured, new LiveState([]), InventoryWith(AmcInvitation(ourPayment: PaysForInference)));

        Assert.Equal("true", CreateDiffs(plan)["paymentConfiguration.machineLearning.modelInference.isResponsible"]);
        Assert.Equal(PaysForInference, Membership(plan).DesiredAs<MembershipSpec>().Payment);
    }

    [Fact]
    public void Nothing_is_stated_when_the_creator_makes_this_account_pay_for_nothing()
    {
        var plan = Scenario.Plan(TeamConfig.Yaml, new LiveState([]));

        Assert.DoesNotContain(CreateDiffs(plan).Keys, path => path.StartsWith("paymentConfiguration.", StringComparison.Ordinal));
        Assert.Null(Membership(plan).DesiredAs<MembershipSpec>().Payment);
    }

    [Fact]
    public void A_config_contradicting_an_ml_payment_names_the_kind_both_values_and_the_fix()
    {
        var config = Configured.Replace("paymentConfiguration: { queryCompute: false }",
            "paymentConfiguration: { queryCompute: false, machineLearning: { modelInference: false } }");

        var desired = Scenario.Desired(config, InventoryWith(AmcInvitation(ourPayment: PaysForInference)));

        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.PaymentMismatch, error.Code);
        Assert.Equal("membership.paymentConfiguration.machineLearning.modelInference is false for 'AMC Collaboration', but the collaboration creator "
            + "assigned true: this account pays for model inference, and AWS refuses a membership that says otherwise", error.Message);
        Assert.StartsWith("set membership.paymentConfiguration.machineLearning.modelInference: true as the creator assigned", error.Hint);
    }

    [Fact]
    public void A_kind_the_creator_assigned_no_one_falls_to_the_member_who_can_query()
    {
        var config = Configured.Replace("paymentConfiguration: { queryCompute: false }",
            "paymentConfiguration: { queryCompute: false, machineLearning: { modelTraining: true } }");

        var error = Assert.Single(Scenario.Desired(config).Diagnostics, d => d.Severity == Severity.Error);

        Assert.Equal(DiagnosticCodes.PaymentMismatch, error.Code);
        Assert.Contains("modelTraining is true for 'AMC Collaboration', but the collaboration creator assigned no one, so the member who can query pays: "
            + "this account does not pay for model training", error.Message);
    }

    [Fact]
    public void An_ml_payment_differing_from_an_existing_membership_names_the_kind()
    {
        var config = Configured.Replace("paymentConfiguration: { queryCompute: false }",
            "paymentConfiguration: { queryCompute: false, machineLearning: { modelTraining: true } }");

        var plan = Scenario.Plan(config, new LiveState([Applied with { Payment = new PaymentConfiguration(false, ModelTraining: false) }]),
            InventoryWith(AmcInvitation("ACTIVE", Applied.Id, ourPayment: new PaymentConfiguration(false, ModelTraining: true))));

        var error = Assert.Single(plan.Diagnostics, d => d.Code == DiagnosticCodes.PaymentNotUpdatable);
        Assert.Contains("has paymentConfiguration.machineLearning.modelTraining false (model training), the config says true", error.Message);
        Assert.StartsWith("set membership.paymentConfiguration.machineLearning.modelTraining: false", error.Hint);
    }

    [Fact]
    public void Payment_differing_from_an_existing_membership_is_an_error_not_a_replacement()
    {
        var plan = Scenario.Plan(Configured, new LiveState([Applied with { Payment = new PaymentConfiguration(true) }]));
        Assert.False(plan.HasChanges);
        Assert.Contains(plan.Diagnostics, d => d.Code == DiagnosticCodes.PaymentNotUpdatable && d.Severity == Severity.Error);
    }
}
