using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Tests.Config;
using CleanroomsStack.Core.Tests.Fixtures;

namespace CleanroomsStack.Core.Tests.Desired;

public class TableSelectionTests
{
    private static string WithTables(string tables) => ConfigText.ValidWith(
        "  tables:\n    include: [\"part_*\"]\n    exclude: [part_n_a]\n    max: 25", "  tables:\n" + tables);

    [Fact]
    public void Explicit_names_alone_select_only_those_tables()
    {
        var desired = Scenario.Desired(WithTables("    names: [raw_events, part_02]"));
        Assert.Equal(["acx_part_02", "acx_raw_events"], desired.Collaborations[0].TableAssociations.Select(a => a.Name));
        Assert.Empty(desired.Diagnostics);
    }

    [Fact]
    public void Explicit_names_add_to_patterns_and_exclude_still_applies()
    {
        var desired = Scenario.Desired(WithTables("    names: [raw_events, part_n_a]\n    include: [\"part_0?\"]\n    exclude: [part_n_a]"));
        Assert.Equal(10, desired.Collaborations[0].TableAssociations.Count);
        Assert.Contains(desired.Collaborations[0].TableAssociations, a => a.Name == "acx_raw_events");
        Assert.DoesNotContain(desired.Collaborations[0].TableAssociations, a => a.Name == "acx_part_n_a");
    }

    [Fact]
    public void Unknown_explicit_name_is_an_error_with_a_suggestion()
    {
        var desired = Scenario.Desired(WithTables("    names: [raw_event]"));
        var error = Assert.Single(desired.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnknownTable, error.Code);
        Assert.Equal(new SourceLocation("collaborations.yaml", 7, 13), error.Location);
        Assert.Equal("did you mean 'raw_events'?", error.Hint);
    }

    [Fact]
    public void On_exceed_error_refuses_to_truncate()
    {
        var desired = Scenario.Desired(WithTables("    max: 3\n    onExceed: error"));
        Assert.Empty(desired.Collaborations);
        var error = Assert.Single(desired.Diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.TooManyTables), (error.Severity, error.Code));
        Assert.Equal(new SourceLocation("collaborations.yaml", 7, 10), error.Location);
        Assert.Contains("32 tables are selected", error.Message);
    }

    [Fact]
    public void On_exceed_accepts_only_known_values()
    {
        var error = ConfigText.SingleError(WithTables("    onExceed: drop"));
        Assert.Equal(DiagnosticCodes.InvalidEnum, error.Code);
        Assert.Contains("truncate, error", error.Hint);
    }
}
