using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

public sealed class GlueCatalogTests
{
    [Fact]
    public async Task GetTables_follows_NextToken_in_the_body_and_reads_PascalCase_tables()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request => request.Body.Contains("\"NextToken\":\"p2\"", StringComparison.Ordinal)
            ? new CannedResponse(200, """{"TableList":[{"Name":"part_orders","DatabaseName":"acx_db","CreateTime":1700000000.25}]}""")
            : new CannedResponse(200, """
                {"TableList":[{"Name":"part_customers","DatabaseName":"acx_db","TableType":"EXTERNAL_TABLE",
                  "StorageDescriptor":{"Columns":[{"Name":"id","Type":"string"},{"Name":"email","Type":"string"}],"Location":"s3://bucket/customers/"},
                  "PartitionKeys":[{"Name":"dt","Type":"string"}],"Parameters":{"classification":"parquet"},"IsRegisteredWithLakeFormation":false}],
                 "NextToken":"p2"}
                """));

        var tables = await TestClients.CreateGlue(server).GetTablesAsync("acx_db", "part_*", null, default);

        Assert.Equal(["part_customers", "part_orders"], tables.Select(t => t.Name));
        Assert.Equal(["id", "email"], tables[0].StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Equal("parquet", tables[0].Parameters!["classification"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000250), tables[1].CreateTime);
        Assert.All(server.Requests, r => Assert.Equal("AWSGlue.GetTables", r.Header("x-amz-target")));
        Assert.Equal("glue", SigV4Verifier.Parse(server.Requests[0].Header("authorization")!).Service);
    }

    [Fact]
    public async Task A_missing_table_is_NotFound_read_from_the_awsJson_error_body()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => new CannedResponse(400, """{"__type":"com.amazonaws.glue#EntityNotFoundException","Message":"Table part_x not found.","FromFederationSource":false}""",
            new Dictionary<string, string> { ["x-amzn-RequestId"] = "glue-req" }));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.CreateGlue(server).GetTableAsync("acx_db", "part_x", null, default));

        Assert.Equal((AwsErrorKind.NotFound, "EntityNotFoundException", "Table part_x not found.", "glue-req", "GetTable"),
            (error.Kind, error.Code, error.AwsMessage, error.RequestId, error.Operation));
    }
}
