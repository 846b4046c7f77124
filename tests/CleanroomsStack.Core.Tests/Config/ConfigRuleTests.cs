using CleanroomsStack.Core.Diagnostics;
using static CleanroomsStack.Core.Tests.Config.ConfigText;

namespace CleanroomsStack.Core.Tests.Config;

/// <summary>One test per loader rule: the code, the exact line:col, and a hint.</summary>
public class ConfigRuleTests
{
    [Fact]
    public void Unknown_key_is_reported_with_the_closest_known_key()
    {
        var error = SingleError(ValidWith("    max: 25", "    maks: 25"));
        AssertAt(error, DiagnosticCodes.UnknownKey, 9, 5);
        Assert.Contains("did you mean 'max'?", error.Hint);
    }

    [Fact]
    public void Unknown_top_level_key_is_reported()
    {
        var error = SingleError(Valid + "\ncolaborations: []\n");
        AssertAt(error, DiagnosticCodes.UnknownKey, 24, 1);
        Assert.Contains("did you mean 'collaborations'?", error.Hint);
    }

    [Fact]
    public void Text_where_a_number_belongs_is_a_type_error()
    {
        var error = SingleError(ValidWith("    max: 25", "    max: many"));
        AssertAt(error, DiagnosticCodes.WrongType, 9, 10);
        Assert.Contains("whole number", error.Message);
    }

    [Fact]
    public void Quoted_number_is_a_type_error()
    {
        AssertAt(SingleError(ValidWith("    max: 25", "    max: \"25\"")), DiagnosticCodes.WrongType, 9, 10);
    }

    [Fact]
    public void Max_below_one_is_out_of_range()
    {
        AssertAt(SingleError(ValidWith("    max: 25", "    max: 0")), DiagnosticCodes.OutOfRange, 9, 10);
    }

    [Fact]
    public void Enum_values_are_case_sensitive_and_suggest_the_right_spelling()
    {
        var error = SingleError(ValidWith("queryLogStatus: ENABLED", "queryLogStatus: enabled"));
        AssertAt(error, DiagnosticCodes.InvalidEnum, 5, 21);
        Assert.Contains("did you mean 'ENABLED'?", error.Hint);
    }

    [Fact]
    public void Unknown_rule_type_is_reported()
    {
        var error = SingleError(ValidWith("type: CUSTOM", "type: SQL"));
        AssertAt(error, DiagnosticCodes.InvalidEnum, 14, 11);
        Assert.Contains("CUSTOM, LIST, AGGREGATION", error.Hint);
    }

    [Fact]
    public void Uppercase_collaboration_id_is_rejected_with_the_lowercase_spelling()
    {
        var error = SingleError(ValidWith("id: 27b93e2b-5001-4b20-a47b-6aad96ec8958", "id: 27B93E2B-5001-4B20-A47B-6AAD96EC8958"));
        AssertAt(error, DiagnosticCodes.InvalidUuid, 22, 9);
        Assert.Contains("27b93e2b-5001-4b20-a47b-6aad96ec8958", error.Hint);
    }

    [Fact]
    public void Truncated_collaboration_id_is_rejected()
    {
        AssertAt(SingleError(ValidWith("id: 27b93e2b-5001-4b20-a47b-6aad96ec8958", "id: 27b93e2b-5001")), DiagnosticCodes.InvalidUuid, 22, 9);
    }

    [Fact]
    public void Account_id_must_have_twelve_digits()
    {
        var error = SingleError(ValidWith("allowedResultReceivers: auto", "allowedResultReceivers: [\"92129073439\"]"));
        AssertAt(error, DiagnosticCodes.InvalidAccountId, 15, 30);
    }

    [Fact]
    public void Result_receivers_must_be_auto_or_a_list()
    {
        AssertAt(SingleError(ValidWith("allowedResultReceivers: auto", "allowedResultReceivers: everyone")), DiagnosticCodes.WrongType, 15, 29);
    }

    [Fact]
    public void Malformed_role_arn_is_rejected()
    {
        var error = SingleError(ValidWith("role: cleanrooms-glue-s3-access", "role: \"arn:aws:iam::12:role/x\""));
        AssertAt(error, DiagnosticCodes.InvalidArn, 12, 11);
    }

    [Fact]
    public void Role_name_with_spaces_is_rejected()
    {
        AssertAt(SingleError(ValidWith("role: cleanrooms-glue-s3-access", "role: my role")), DiagnosticCodes.InvalidArn, 12, 11);
    }

    [Fact]
    public void Malformed_id_namespace_arn_is_rejected()
    {
        var error = SingleError(ValidWith("idnamespace/ACXIdNamespace", "namespace/ACXIdNamespace"));
        AssertAt(error, DiagnosticCodes.InvalidArn, 18, 12);
    }

    [Fact]
    public void Boolean_must_be_true_or_false()
    {
        AssertAt(SingleError(ValidWith("manageResourcePolicies: true", "manageResourcePolicies: yes")), DiagnosticCodes.WrongType, 19, 31);
    }

    [Fact]
    public void Name_template_needs_the_table_placeholder()
    {
        AssertAt(SingleError(ValidWith("nameTemplate: \"acx_{table}\"", "nameTemplate: \"acx_{name}\"")), DiagnosticCodes.InvalidName, 11, 19);
    }

    [Fact]
    public void Name_template_must_give_valid_association_names()
    {
        AssertAt(SingleError(ValidWith("nameTemplate: \"acx_{table}\"", "nameTemplate: \"acx.{table}\"")), DiagnosticCodes.InvalidName, 11, 19);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence()
    {
        var error = SingleError(ValidWith("    max: 25", "    max: 25\n    max: 20"));
        AssertAt(error, DiagnosticCodes.DuplicateKey, 10, 5);
        Assert.Contains("line 9", error.Hint);
    }

    [Fact]
    public void Duplicate_collaboration_id_is_reported()
    {
        var error = SingleError(Valid + "\n  - name: Again\n    id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n");
        AssertAt(error, DiagnosticCodes.DuplicateCollaboration, 25, 9);
        Assert.Contains("AMC Collaboration", error.Hint);
    }

    [Fact]
    public void Duplicate_id_namespace_association_is_reported()
    {
        var twice = ValidWith("      manageResourcePolicies: true",
            "      manageResourcePolicies: true\n    - name: Second\n      arn: arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace");
        AssertAt(SingleError(twice), DiagnosticCodes.DuplicateEntry, 20, 7);
    }

    [Fact]
    public void Yaml_syntax_error_is_a_diagnostic()
    {
        var error = SingleError(ValidWith("include: [\"part_*\"]", "include: [\"part_*\""));
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.NotNull(error.Location);
        Assert.InRange(error.Location.Line, 7, 9);
    }

    [Fact]
    public void Tabs_for_indentation_are_a_syntax_error()
    {
        Assert.Equal(DiagnosticCodes.YamlSyntax, SingleError(ValidWith("    max: 25", "\tmax: 25")).Code);
    }

    [Theory]
    [InlineData("version: 1\ncollaborations:\n\t- name: x\n", 3, 1)]
    [InlineData("version: 1\ncollaborations:\n  - name: x\n\tid: y\n", 4, 1)]
    public void A_tab_is_reported_on_its_own_line_not_where_the_mapping_began(string yaml, int line, int column)
    {
        AssertAt(SingleError(yaml), DiagnosticCodes.YamlSyntax, line, column);
    }

    [Fact]
    public void Unsupported_version_is_rejected()
    {
        AssertAt(SingleError(ValidWith("version: 1", "version: 2")), DiagnosticCodes.UnsupportedVersion, 1, 10);
    }

    [Fact]
    public void Missing_version_is_reported()
    {
        AssertAt(SingleError(ValidWith("version: 1\n", "")), DiagnosticCodes.MissingKey, 1, 1);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        AssertAt(SingleError("# nothing but a comment\n"), DiagnosticCodes.EmptyFile, 1, 1);
    }

    [Fact]
    public void A_top_level_list_is_a_type_error()
    {
        AssertAt(SingleError("- version: 1\n"), DiagnosticCodes.WrongType, 1, 1);
    }

    [Fact]
    public void Missing_role_is_reported_at_the_collaboration()
    {
        var error = SingleError(ValidWith("    role: cleanrooms-glue-s3-access\n", ""));
        AssertAt(error, DiagnosticCodes.MissingKey, 20, 5);
        Assert.Contains("AMC Collaboration", error.Message);
    }

    [Fact]
    public void Missing_collaboration_name_is_reported()
    {
        AssertAt(SingleError(ValidWith("  - name: AMC Collaboration\n    id:", "  - id:")), DiagnosticCodes.MissingKey, 21, 5);
    }

    [Fact]
    public void Second_yaml_document_is_rejected()
    {
        AssertAt(SingleError(Valid + "\n---\nversion: 1\n"), DiagnosticCodes.YamlSyntax, 24, 1);
    }

    [Fact]
    public void Unknown_alias_is_reported()
    {
        AssertAt(SingleError(ValidWith("    max: 25", "    max: *limit")), DiagnosticCodes.YamlSyntax, 9, 10);
    }

    [Fact]
    public void Excessive_nesting_is_reported_once()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var error = SingleError(ValidWith("include: [\"part_*\"]", $"include: {deep}"));
        Assert.Equal(DiagnosticCodes.TooDeep, error.Code);
    }

    [Fact]
    public void Additional_analyses_are_not_allowed_on_aggregation_rules()
    {
        var yaml = ValidWith("type: CUSTOM", "type: AGGREGATION\n    allowedAdditionalAnalyses: [\"arn:aws:cleanrooms:us-east-1:123456789012:membership/*\"]");
        AssertAt(SingleError(yaml), DiagnosticCodes.InvalidEnum, 15, 32);
    }

    [Fact]
    public void A_collaboration_in_another_region_is_rejected()
    {
        var error = SingleError(ValidWith("    note: Primary AMC collaboration", "    note: x\n    region: eu-west-1"));
        AssertAt(error, DiagnosticCodes.InvalidEnum, 24, 13);
    }

    [Fact]
    public void Every_error_in_the_file_is_reported_at_once_in_file_order()
    {
        var yaml = Valid
            .Replace("queryLogStatus: ENABLED", "queryLogStatus: ON")
            .Replace("max: 25", "max: lots")
            .Replace("id: 27b93e2b-5001-4b20-a47b-6aad96ec8958", "id: nope");
        var result = Load(yaml);
        Assert.Null(result.Config);
        Assert.Equal([DiagnosticCodes.InvalidEnum, DiagnosticCodes.WrongType, DiagnosticCodes.InvalidUuid],
            result.Diagnostics.OrderBy(d => d.Location!.Line).Select(d => d.Code));
    }
}
