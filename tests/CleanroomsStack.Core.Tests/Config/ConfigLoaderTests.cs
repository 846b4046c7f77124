using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using static CleanroomsStack.Core.Tests.Config.ConfigText;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.Core.Tests.Config;

public class ConfigLoaderTests
{
    [Fact]
    public void Valid_config_loads_with_defaults_merged_into_the_collaboration()
    {
        var result = Load(Valid);
        Assert.Empty(result.Diagnostics);
        var config = Assert.IsType<StackConfig>(result.Config);
        Assert.Equal("us-east-1", config.Region);
        var collaboration = Assert.Single(config.Collaborations);
        Assert.Equal("27b93e2b-5001-4b20-a47b-6aad96ec8958", collaboration.Id.Value);
        Assert.Equal(new SourceLocation(FileName, 22, 9), collaboration.Id.Location);
        Assert.Equal("AMC Collaboration", collaboration.Name);
        Assert.Equal("Primary AMC collaboration", collaboration.Note);
        var settings = collaboration.Settings;
        Assert.Equal("ENABLED", settings.Membership.QueryLogStatus);
        Assert.Equal(["part_*"], settings.Tables.Include);
        Assert.Equal(["part_n_a"], settings.Tables.Exclude);
        Assert.Equal(25, settings.Tables.Max.Value);
        Assert.Equal("acx_{table}", settings.Association.NameTemplate.Value);
        Assert.Equal("cleanrooms-glue-s3-access", settings.Association.Role.Value);
        Assert.True(settings.AnalysisRule.Receivers.Auto);
        var ina = Assert.Single(IdNamespaceAssociationKind.Instance.Settings(settings));
        Assert.Equal("ACXIdNamespace", ina.Name);
        Assert.True(ina.ManageResourcePolicies);
        Assert.False(ina.AllowUseAsDimensionColumn);
    }

    [Fact]
    public void The_repository_config_loads_without_diagnostics()
    {
        var path = RepoRoot.File("collaborations.yaml");
        var result = ConfigLoader.Load(File.ReadAllText(path), "collaborations.yaml");
        Assert.Empty(result.Diagnostics);
        var collaboration = Assert.Single(result.Config?.Collaborations ?? []);
        Assert.Equal("27b93e2b-5001-4b20-a47b-6aad96ec8958", collaboration.Id.Value);
        Assert.Equal(["part_n_a", "part_n_a_a"], collaboration.Settings.Tables.Exclude);
        Assert.Equal("ENABLED", collaboration.Settings.Membership.QueryLogStatus);
        Assert.Equal("ACX unique customer identifiers for Clean Rooms joins", IdNamespaceAssociationKind.Instance.Settings(collaboration.Settings)[0].Description);
    }
}

public class DefaultsDiagnosticsTests
{
    [Fact]
    public void A_mistake_in_defaults_is_reported_once_however_many_collaborations_use_it()
    {
        var yaml = ConfigText.ValidWith("    max: 25", "    maks: 25")
            + "\n  - name: Second\n    id: 5d3c1e0a-7b2f-4e61-9a0d-2f4b8c6e1a90\n  - name: Third\n    id: 6d3c1e0a-7b2f-4e61-9a0d-2f4b8c6e1a90\n";
        var error = ConfigText.SingleError(yaml);
        ConfigText.AssertAt(error, Core.Diagnostics.DiagnosticCodes.UnknownKey, 9, 5);
    }

    [Fact]
    public void A_mistake_in_defaults_is_reported_even_without_collaborations()
    {
        var yaml = ConfigText.Valid[..ConfigText.Valid.IndexOf("collaborations:", StringComparison.Ordinal)].Replace("max: 25", "max: -3")
            + "collaborations: []\n";
        ConfigText.AssertAt(ConfigText.SingleError(yaml), Core.Diagnostics.DiagnosticCodes.OutOfRange, 9, 10);
    }

    [Fact]
    public void Collaborations_may_be_empty()
    {
        var yaml = ConfigText.Valid[..ConfigText.Valid.IndexOf("collaborations:", StringComparison.Ordinal)] + "collaborations:\n";
        Assert.Empty(ConfigText.Load(yaml).Config!.Collaborations);
    }
}
