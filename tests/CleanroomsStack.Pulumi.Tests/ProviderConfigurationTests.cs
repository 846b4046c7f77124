using System.Text.Json.Nodes;
using CleanroomsStack.Pulumi.Tests.Support;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>The plugin's start-up, its own RPCs (plugin info, schema, config) and shutdown, through Pulumi's stubs.</summary>
public sealed class ProviderConfigurationTests(ProviderConfigurationTests.Run run) : IClassFixture<ProviderConfigurationTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        public JsonObject Transcript { get; private set; } = [];
        public async Task InitializeAsync() => Transcript = await EngineHarness.RunAsync("configuration.cjs");
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private JsonObject T => run.Transcript;

    [Fact]
    public void The_plugin_prints_only_its_port_on_stdout_and_exits_cleanly_on_SIGTERM()
    {
        Assert.True(int.Parse(T["port"]!.GetValue<string>()) > 0);
        Assert.Empty(T["stdoutAfterPort"]!.AsArray());
        Assert.Equal(0, T["exit"]!.GetValue<int>());
    }

    [Fact]
    public void GetPluginInfo_answers_the_version() => Assert.Equal("0.1.0", T.Ok("pluginInfo")["version"]!.GetValue<string>());

    [Fact]
    public void GetSchema_names_the_resources_the_function_and_a_csharp_namespace()
    {
        var schema = T.Ok("schema");
        Assert.Equal("cleanroomsstack", schema["name"]!.GetValue<string>());
        var resources = schema["resources"]!.AsObject().Select(r => r.Key).ToList();
        foreach (var token in new[] { "Membership", "TableAssociation", "IdNamespaceAssociation", "IdMappingTable" })
            Assert.Contains($"cleanroomsstack:index:{token}", resources);
        Assert.NotNull(schema["functions"]!["cleanroomsstack:index:getCollaborations"]);
        Assert.Equal("CleanroomsStack", schema["language"]!["csharp"]!["rootNamespace"]!.GetValue<string>());
        var membership = schema["resources"]!["cleanroomsstack:index:Membership"]!;
        Assert.Contains("collaborationId", membership["requiredInputs"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal("boolean", membership["inputProperties"]!["allowLeave"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void CheckConfig_accepts_good_settings_and_names_each_bad_one()
    {
        Assert.Empty(T.Ok("checkConfigGood")["failures"]!.AsArray());
        var failures = T.Ok("checkConfigBad")["failures"]!.AsArray().Select(f => f!["property"]!.GetValue<string>()).Order();
        Assert.Equal(["colour", "endpointUrl", "maxRps"], failures);
    }

    [Fact]
    public void DiffConfig_replaces_on_a_new_region_and_updates_on_a_new_pace()
    {
        Assert.Empty(T.Ok("diffConfigSame")["diffsList"]!.AsArray());
        var diff = T.Ok("diffConfigRegion");
        Assert.Equal(["region"], diff["replacesList"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(["maxRps", "region"], diff["diffsList"]!.AsArray().Select(k => k!.GetValue<string>()).Order());
    }

    [Fact]
    public void Configure_refuses_bad_settings_with_a_clear_message_and_accepts_good_ones()
    {
        var (code, details) = T.Error("configureBad");
        Assert.Equal("INVALID_ARGUMENT", code);
        Assert.Contains("maxRps", details);
        var configured = T.Ok("configure");
        Assert.True(configured["supportspreview"]!.GetValue<bool>());
        Assert.True(configured["acceptsecrets"]!.GetValue<bool>());
    }

    [Fact]
    public void An_unknown_resource_type_is_an_invalid_argument_not_a_crash()
    {
        var (code, details) = T.Error("checkUnknownType");
        Assert.Equal("INVALID_ARGUMENT", code);
        Assert.Contains("cleanroomsstack:index:Nope", details);
        T.Ok("cancel");
    }

    [Fact]
    public void GetCollaborations_expands_the_repositorys_config_as_the_CLI_does()
    {
        var collaborations = T.Ok("invokeConfigFile")["return"]!["collaborations"]!.AsArray();
        var amc = collaborations.Single(c => c!["id"]!.GetValue<string>() == "27b93e2b-5001-4b20-a47b-6aad96ec8958")!;
        Assert.Equal("AMC Collaboration", amc["name"]!.GetValue<string>());
        Assert.Equal("ENABLED", amc["membership"]!["queryLogStatus"]!.GetValue<string>());
        var associations = amc["tableAssociations"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(associations);
        Assert.All(associations, name => Assert.StartsWith("acx_part_", name));
        Assert.Contains("ACXIdNamespace", amc["idNamespaceAssociations"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void GetCollaborations_follows_a_stack_files_extends_from_its_folder()
    {
        var amc = Assert.Single(T.Ok("invokeStackFile")["return"]!["collaborations"]!.AsArray())!;
        Assert.Equal("ENABLED", amc["membership"]!["queryLogStatus"]!.GetValue<string>()); // inherited
        Assert.Equal(2, amc["tableAssociations"]!.AsArray().Count);                        // the stack's own override
        // Inline YAML has no folder to follow extends from: a failure naming the key, not a crash.
        var failure = Assert.Single(T.Ok("invokeInlineExtends")["failures"]!.AsArray())!;
        Assert.Contains("2:10: extends", failure["reason"]!.GetValue<string>());
        Assert.Contains("can't be followed here", failure["reason"]!.GetValue<string>());
    }

    [Fact]
    public void GetCollaborations_reports_config_errors_as_failures_and_missing_or_unknown_input_as_errors()
    {
        var failures = T.Ok("invokeBadConfig")["failures"]!.AsArray();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal("config", f!["property"]!.GetValue<string>()));
        Assert.Contains("configFile", T.Error("invokeNoArgs").Details);
        Assert.Equal("INVALID_ARGUMENT", T.Error("invokeUnknownFunction").Code);
    }
}
