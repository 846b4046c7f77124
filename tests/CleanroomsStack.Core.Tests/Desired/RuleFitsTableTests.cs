using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Tests.Config;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Desired;

/// <summary>
/// Issue #15: a collaboration analysis rule AWS would refuse is an error at preview. A configured table has one analysis
/// rule, and only a collaboration rule of its type makes it queryable; <c>auto</c> (the default) takes each table's type.
/// </summary>
public class RuleFitsTableTests
{
    private static Inventory.Inventory WithPart01As(params string[] types) => InventoryWith(AmcInvitation()) with
    {
        ConfiguredTables = Tables().Select(t => t.Name == "part_01" ? t with { RuleTypes = types } : t).ToList(),
    };

    private static readonly string Auto = ConfigText.ValidWith("type: CUSTOM", "type: auto");

    [Fact]
    public void Auto_gives_each_association_its_tables_own_rule_type()
    {
        var desired = Scenario.Desired(Auto, WithPart01As("LIST"));
        var associations = desired.Collaborations.Single().TableAssociations;
        Assert.Equal("LIST", associations.Single(a => a.TableName == "part_01").Rule.Type);
        Assert.All(associations.Where(a => a.TableName != "part_01"), a => Assert.Equal("CUSTOM", a.Rule.Type));
    }

    [Fact]
    public void An_explicit_type_the_table_does_not_have_is_an_error_naming_the_table_both_types_and_the_fix()
    {
        var desired = Scenario.Desired(ConfigText.Valid, WithPart01As("LIST"));
        Assert.Empty(desired.Collaborations);
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.RuleTypeMismatch, error.Code);
        Assert.Contains("analysisRule.type is CUSTOM but configured table 'part_01' has a LIST rule", error.Message);
        Assert.Contains("set analysisRule.type: auto", error.Hint);
    }

    [Fact]
    public void A_selected_table_without_an_analysis_rule_is_an_error()
    {
        var desired = Scenario.Desired(ConfigText.Valid, WithPart01As());
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.TableHasNoRule, error.Code);
        Assert.Contains("'part_01' has no analysis rule", error.Message);
    }

    [Fact]
    public void Our_own_account_is_never_a_result_receiver()
    {
        var yaml = ConfigText.ValidWith("allowedResultReceivers: auto", $"allowedResultReceivers: [\"{Amc}\", \"{Us}\"]");
        var error = Assert.Single(Scenario.Desired(yaml).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnknownResultReceiver, error.Code);
        Assert.Contains($"account {Us} is this account", error.Message);
    }
}
