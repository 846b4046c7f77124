using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Resources.Membership;
using static CleanroomsStack.Core.Tests.Config.ConfigText;

namespace CleanroomsStack.Core.Tests.Config;

public class MembershipSettingsTests
{
    private static string WithMembership(string block) => ValidWith("  membership:\n    queryLogStatus: ENABLED", "  membership:\n" + block);

    private const string Full = """
            queryLogStatus: ENABLED
            jobLogStatus: DISABLED
            defaultResultConfiguration:
              bucket: acx-results
              keyPrefix: cleanrooms/
              resultFormat: PARQUET
              singleFileOutput: true
              role: cleanrooms-results
            paymentConfiguration: { queryCompute: false }
        """;

    [Fact]
    public void Every_membership_setting_loads()
    {
        var result = Load(WithMembership(Full) + "\n    tags: { team: acx, cost-center: \"42\" }\n");
        Assert.Empty(result.Diagnostics);
        var settings = result.Config!.Collaborations[0].Settings;
        Assert.Equal("DISABLED", settings.Membership.JobLogStatus);
        Assert.Equal(new ResultConfigurationSettings("acx-results", "cleanrooms/", "PARQUET", true, "cleanrooms-results"), settings.Membership.DefaultResult);
        Assert.Equal(new PaymentConfiguration(false), settings.Membership.Payment!.Value);
        Assert.Equal(["cost-center", "team"], settings.Tags!.Keys);
    }

    [Fact]
    public void Unset_settings_are_not_managed()
    {
        var membership = Load(Valid).Config!.Collaborations[0].Settings.Membership;
        Assert.Equal((null, null, null), (membership.JobLogStatus, membership.DefaultResult, membership.Payment));
    }

    [Fact]
    public void Bucket_name_is_validated()
    {
        var error = SingleError(WithMembership("    defaultResultConfiguration: { bucket: Bad_Bucket }"));
        AssertAt(error, DiagnosticCodes.InvalidName, 5, 43);
    }

    [Fact]
    public void Result_configuration_needs_a_bucket()
    {
        AssertAt(SingleError(WithMembership("    defaultResultConfiguration: { resultFormat: CSV }")), DiagnosticCodes.MissingKey, 5, 33);
    }

    [Fact]
    public void Result_format_is_an_enum()
    {
        AssertAt(SingleError(WithMembership("    defaultResultConfiguration: { bucket: b-1, resultFormat: JSON }")), DiagnosticCodes.InvalidEnum, 5, 62);
    }

    [Fact]
    public void Job_log_status_is_an_enum()
    {
        AssertAt(SingleError(WithMembership("    jobLogStatus: on")), DiagnosticCodes.InvalidEnum, 5, 19);
    }

    [Fact]
    public void Payment_needs_query_compute()
    {
        AssertAt(SingleError(WithMembership("    paymentConfiguration: { jobCompute: true }")), DiagnosticCodes.MissingKey, 5, 27);
    }

    [Fact]
    public void Machine_learning_payments_load_beside_query_and_job_compute()
    {
        var result = Load(WithMembership("""
                paymentConfiguration:
                  queryCompute: false
                  jobCompute: false
                  machineLearning: { modelTraining: false, modelInference: true, syntheticDataGeneration: false }
            """));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new PaymentConfiguration(false, false, ModelTraining: false, ModelInference: true, SyntheticDataGeneration: false),
            result.Config!.Collaborations[0].Settings.Membership.Payment!.Value);
    }

    [Fact]
    public void Machine_learning_payments_are_flags_with_known_names()
    {
        AssertAt(SingleError(WithMembership("    paymentConfiguration: { queryCompute: false, machineLearning: { modelInference: yes please } }")),
            DiagnosticCodes.WrongType, 5, 85);
        AssertAt(SingleError(WithMembership("    paymentConfiguration: { queryCompute: false, machineLearning: { inference: true } }")),
            DiagnosticCodes.UnknownKey, 5, 69);
    }

    [Fact]
    public void Reserved_tag_prefix_is_rejected()
    {
        AssertAt(SingleError(Valid + "\n    tags: { \"aws:owner\": me }\n"), DiagnosticCodes.InvalidName, 24, 13);
    }

    [Fact]
    public void Tag_values_must_be_text()
    {
        AssertAt(SingleError(Valid + "\n    tags: { team: [a, b] }\n"), DiagnosticCodes.WrongType, 24, 19);
    }
}
