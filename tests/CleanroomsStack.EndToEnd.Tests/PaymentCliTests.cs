using System.Text.Json.Nodes;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Payment, through the CLI: a partner's collaboration makes our account pay for machine learning model
/// inference, and the emulator (as AWS) refuses a membership that doesn't accept exactly that. With no payment in the
/// config, preview plans the creator's assignment and `up` joins; with one that contradicts it, preview fails naming
/// the payment kind and `up` joins nothing.
/// </summary>
public sealed class PaymentCliTests : IDisposable
{
    private const string Collaboration = "Measurement ML";
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Preview_plans_the_creators_ml_payment_and_up_joins_with_it()
    {
        var id = await cli.InviteUsToPayForModelInferenceAsync(Collaboration);
        UseOnly(id, payment: null);

        var preview = await cli.RunLocalAsync("preview", "--json");
        Assert.True(preview.ExitCode == 0, preview.ToString());
        var membership = JsonNode.Parse(preview.Out)!["collaborations"]![0]!["changes"]!.AsArray().Single(c => (string)c!["kind"]! == "membership")!;
        Assert.EndsWith("payment as the collaboration creator assigned it (this account pays for model inference)", (string)membership["reason"]!);
        var payment = membership["diffs"]!.AsArray().Where(d => ((string)d!["path"]!).StartsWith("paymentConfiguration.", StringComparison.Ordinal))
            .ToDictionary(d => (string)d!["path"]!, d => d!["after"]!.GetValue<bool>());
        Assert.Equal(new Dictionary<string, bool>
        {
            ["paymentConfiguration.queryCompute.isResponsible"] = false,
            ["paymentConfiguration.machineLearning.modelInference.isResponsible"] = true,
        }, payment);

        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single(m => m.CollaborationId == id);
            Assert.True(membership.PaymentConfiguration.MachineLearning?.ModelInference?.IsResponsible);
            Assert.False(membership.PaymentConfiguration.QueryCompute.IsResponsible);
        });
        var again = await cli.RunLocalAsync("preview", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task A_contradicting_payment_fails_preview_naming_the_kind_and_up_joins_nothing()
    {
        var id = await cli.InviteUsToPayForModelInferenceAsync(Collaboration);
        UseOnly(id, payment: "{ queryCompute: false, machineLearning: { modelInference: false } }");

        var preview = await cli.RunLocalAsync("preview");
        Assert.True(preview.ExitCode == 1, preview.ToString());
        Assert.Contains($"error CS213: membership.paymentConfiguration.machineLearning.modelInference is false for '{Collaboration}', "
            + "but the collaboration creator assigned true: this account pays for model inference", preview.Out + preview.Error);

        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 1, up.ToString());
        await cli.ChangeOutOfBandAsync(async api => Assert.Empty(await api.ListMembershipsAsync(null, default)));
    }

    /// <summary>The config manages only that collaboration, with two tables, and the given payment configuration (if any).</summary>
    private void UseOnly(string id, string? payment)
    {
        var config = File.ReadAllText(cli.ConfigPath);
        var entry = $"""
            collaborations:
              - name: {Collaboration}
                id: {id}
                tables: {"{"} include: ["part_age", "part_gender"] {"}"}

            """;
        if (payment is not null) entry += $"    membership: {{ paymentConfiguration: {payment} }}\n";
        File.WriteAllText(cli.ConfigPath, config[..config.IndexOf("collaborations:", StringComparison.Ordinal)] + entry);
    }

    public void Dispose() => cli.Dispose();
}
