using System.Net;
using System.Net.Sockets;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Tests;

/// <summary>What is retried, what is not, and what a create whose outcome is unknown reports.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private const string TablesPage = """{"configuredTableSummaries":[]}""";
    private static readonly CannedResponse ServerError = CannedResponse.Error(500, "InternalServerException", """{"message":"try later"}""");
    private static readonly CannedResponse Throttle = CannedResponse.Error(429, "ThrottlingException", """{"message":"slow down"}""");
    private static readonly CreateConfiguredTableAssociationRequest CreateAssociation =
        new("6610c9aa-9002-475c-8695-d833485741bc", "acx_customers", "11112222-3333-4444-5555-666677778888", "arn:aws:iam::111122223333:role/r");

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ICleanRoomsApi Api(AwsSettings? settings = null) => TestClients.Create(_server, settings ?? TestClients.FastRetries);

    [Fact]
    public async Task A_read_is_retried_through_server_errors_until_it_succeeds()
    {
        _server.RespondInSequence(ServerError, ServerError, CannedResponse.Json(TablesPage));

        Assert.Empty(await Api().ListConfiguredTablesAsync(default));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Throttling_is_retried_even_for_a_create()
    {
        _server.RespondInSequence(Throttle, Throttle, CannedResponse.Error(409, "ConflictException", """{"message":"exists","reason":"ALREADY_EXISTS"}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Api().CreateConfiguredTableAssociationAsync(CreateAssociation, default));

        Assert.Equal(AwsErrorKind.Conflict, error.Kind);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_validation_error_is_never_retried()
    {
        _server.Respond(_ => CannedResponse.Error(400, "ValidationException", """{"message":"bad name"}"""));

        await Assert.ThrowsAsync<AwsApiException>(() => Api().CreateConfiguredTableAssociationAsync(CreateAssociation, default));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task IAM_synchronization_delay_is_retried_for_a_create_because_nothing_was_created()
    {
        _server.RespondInSequence(
            CannedResponse.Error(400, "ValidationException", """{"message":"role","reason":"IAM_SYNCHRONIZATION_DELAY"}"""),
            CannedResponse.Error(403, "AccessDeniedException", """{"message":"stop here"}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Api().CreateConfiguredTableAssociationAsync(CreateAssociation, default));

        Assert.Equal(AwsErrorKind.AccessDenied, error.Kind);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_create_answered_with_a_server_error_is_not_repeated_and_reports_an_unknown_outcome()
    {
        _server.Respond(_ => ServerError);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Api().CreateConfiguredTableAssociationAsync(CreateAssociation, default));

        Assert.Equal((AwsErrorKind.Transient, true), (error.Kind, error.OutcomeUnknown));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_create_whose_response_is_lost_is_not_repeated_and_reports_an_unknown_outcome()
    {
        _server.Respond(_ => null);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Api().CreateConfiguredTableAssociationAsync(CreateAssociation, default));

        Assert.Equal((AwsErrorKind.Transient, true, "ConnectionFailure"), (error.Kind, error.OutcomeUnknown, error.Code));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_read_whose_response_is_lost_is_retried()
    {
        var calls = 0;
        _server.Respond(_ => Interlocked.Increment(ref calls) == 1 ? null : CannedResponse.Json(TablesPage));

        Assert.Empty(await Api().ListConfiguredTablesAsync(default));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_create_that_times_out_is_not_repeated_and_reports_an_unknown_outcome()
    {
        _server.RespondAsync(async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return CannedResponse.Json("{}");
        });
        var settings = TestClients.FastRetries with { Retry = TestClients.FastRetries.Retry with { AttemptTimeout = TimeSpan.FromMilliseconds(300) } };

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Api(settings).CreateConfiguredTableAssociationAsync(CreateAssociation, default));

        Assert.Equal((AwsErrorKind.Transient, true, "RequestTimeout"), (error.Kind, error.OutcomeUnknown, error.Code));
        // On a loaded machine the server may record the request after the client gave up on it; wait for it, then make
        // sure no second attempt follows.
        for (var waited = 0; _server.Requests.Count == 0 && waited < 50; waited++) await Task.Delay(100);
        await Task.Delay(500);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Retries_stop_at_the_attempt_budget_and_surface_the_last_error()
    {
        _server.Respond(_ => ServerError);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => Api().ListConfiguredTablesAsync(default));

        Assert.Equal("InternalServerException", error.Code);
        Assert.Equal(TestClients.FastRetries.Retry.MaxAttempts, _server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_when_the_next_backoff_would_exceed_the_total_time_budget()
    {
        _server.Respond(_ => Throttle);
        var settings = TestClients.FastRetries with
        {
            Retry = new RetryOptions(MaxAttempts: 50, BaseDelay: TimeSpan.FromMilliseconds(100), MaxDelay: TimeSpan.FromSeconds(10),
                MaxTotalTime: TimeSpan.FromMilliseconds(250), AttemptTimeout: TimeSpan.FromSeconds(2)),
        };
        var api = CleanRoomsClientFactory.Create(TestClients.Context(_server.Url), settings, observer: null, TimeProvider.System, random: () => 1.0);

        await Assert.ThrowsAsync<AwsApiException>(() => api.ListConfiguredTablesAsync(default));

        // Delays of 100 ms then 200 ms: the second would end past 250 ms, so only two attempts are made.
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_never_delivered_the_create_so_it_is_retried_and_reported_as_not_having_happened()
    {
        var closedPort = ClosedPort();
        var context = TestClients.Context($"http://127.0.0.1:{closedPort}");
        var api = CleanRoomsClientFactory.Create(context, TestClients.FastRetries);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => api.CreateConfiguredTableAssociationAsync(CreateAssociation, default));

        Assert.Equal((AwsErrorKind.Transient, false, "EndpointUnreachable"), (error.Kind, error.OutcomeUnknown, error.Code));
        Assert.Contains($"127.0.0.1:{closedPort}", error.AwsMessage);
    }

    [Fact]
    public async Task Cancelling_during_backoff_stops_the_call_without_another_attempt()
    {
        _server.Respond(_ => Throttle);
        var settings = TestClients.FastRetries with
        {
            Retry = TestClients.FastRetries.Retry with { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30), MaxTotalTime = TimeSpan.FromMinutes(5) },
        };
        var api = CleanRoomsClientFactory.Create(TestClients.Context(_server.Url), settings, observer: null, TimeProvider.System, random: () => 1.0);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.ListConfiguredTablesAsync(cancel.Token));

        Assert.Single(_server.Requests);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
