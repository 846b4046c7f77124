using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// The analysis template port against the project's emulator: every member the client sends comes back the way the
/// engine will read it, and AWS's answers to a taken name and a full membership map to their error kinds.
/// </summary>
public sealed class AnalysisTemplateClientTests
{
    private const string Sql = "SELECT COUNT(*) FROM acx_orders WHERE amount > :min_amount";

    private static CreateAnalysisTemplateRequest Template(string membershipId, string name) =>
        new(membershipId, name, "SQL", new AnalysisSource(Sql), "orders over a minimum",
            [new AnalysisParameter("min_amount", "DOUBLE", "0"), new AnalysisParameter("country", "VARCHAR")],
            new AnalysisSchema(["acx_orders"]), new Dictionary<string, string> { ["team"] = "data" });

    [Fact]
    public async Task A_template_round_trips_through_create_get_list_update_and_delete()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions());
        var api = TestClients.ForDemoAccount(emulator);
        var membership = await JoinAsync(api);

        var created = await api.CreateAnalysisTemplateAsync(Template(membership.Id, "order_count"), default);
        var read = await api.GetAnalysisTemplateAsync(membership.Id, created.Id, default);
        var updated = await api.UpdateAnalysisTemplateAsync(new UpdateAnalysisTemplateRequest(membership.Id, created.Id, "renamed nothing"), default);
        var listed = Assert.Single(await api.ListAnalysisTemplatesAsync(membership.Id, default));

        Assert.Equal((created.Id, created.UpdateTime), (read.Id, read.UpdateTime));
        Assert.Equal($"{membership.Arn}/analysistemplate/{created.Id}", read.Arn);
        Assert.Equal((membership.CollaborationId, "order_count", "SQL", Sql), (read.CollaborationId, read.Name, read.Format, read.Source.Text));
        Assert.Equal(["acx_orders"], read.Schema.ReferencedTables);
        Assert.Equal([new AnalysisParameter("min_amount", "DOUBLE", "0"), new AnalysisParameter("country", "VARCHAR")], read.AnalysisParameters);
        Assert.Equal("renamed nothing", updated.Description);
        Assert.True(updated.UpdateTime > read.UpdateTime);
        Assert.Equal((created.Id, updated.UpdateTime, "renamed nothing"), (listed.Id, listed.UpdateTime, listed.Description));

        await api.DeleteAnalysisTemplateAsync(membership.Id, created.Id, default);
        var gone = await Assert.ThrowsAsync<AwsApiException>(() => api.GetAnalysisTemplateAsync(membership.Id, created.Id, default));
        Assert.Equal(AwsErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task A_taken_name_is_a_conflict_and_a_full_membership_names_its_quota()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Quotas = new EmulatorQuotas { AnalysisTemplatesPerMembership = 1 } });
        var api = TestClients.ForDemoAccount(emulator);
        var membership = await JoinAsync(api);
        await api.CreateAnalysisTemplateAsync(Template(membership.Id, "order_count"), default);

        var taken = await Assert.ThrowsAsync<AwsApiException>(() => api.CreateAnalysisTemplateAsync(Template(membership.Id, "order_count"), default));
        var full = await Assert.ThrowsAsync<AwsApiException>(() => api.CreateAnalysisTemplateAsync(Template(membership.Id, "other"), default));

        Assert.Equal((AwsErrorKind.Conflict, "ALREADY_EXISTS"), (taken.Kind, taken.Reason));
        Assert.Equal((AwsErrorKind.QuotaExceeded, "Analysis templates per membership"), (full.Kind, full.QuotaName));
    }

    private static Task<Membership> JoinAsync(ICleanRoomsApi api) =>
        api.CreateMembershipAsync(new CreateMembershipRequest(DemoWorld.AmcCollaborationId, "ENABLED",
            PaymentConfiguration: new PaymentConfiguration(new PayerConfig(false))), default);
}
