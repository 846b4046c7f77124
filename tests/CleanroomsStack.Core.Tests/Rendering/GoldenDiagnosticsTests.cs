using CleanroomsStack.Tests.Shared;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Core.Tests.Fixtures;

namespace CleanroomsStack.Core.Tests.Rendering;

/// <summary>The error output for a config with many mistakes, compared exactly with Golden/broken-config.txt.</summary>
public class GoldenDiagnosticsTests
{
    private const string Broken = """
        version: 1
        defaults:
          region: us-east-1
          membership: { queryLogStatus: enabled, jobLogStatus: ON }
          tables: { include: "part_*", exlude: [part_n_a], max: 0 }
          association:
            nameTemplate: "acx-{tbl}"
            role: "arn:aws:iam::12:role/x"
          analysisRule:
            type: CUSTOM
            allowedResultReceivers: ["92129073439", 921290734397]
          idNamespaceAssociations:
            - name: ACXIdNamespace
              arn: arn:aws:entityresolution:us-east-1:239083076653:namespace/ACX
              manageResourcePolicies: yes
          tags: { "aws:team": acx }
        collaborations:
          - name: AMC Collaboration
            id: 27B93E2B-5001-4B20-A47B-6AAD96EC8958
            state: gone
          - name: AMC again
            id: 27b93e2b-5001
            note: duplicate
            note: twice
        """;

    [Fact]
    public void Every_mistake_is_reported_with_position_and_hint()
    {
        var result = ConfigLoader.Load(Broken, "collaborations.yaml");
        Assert.Null(result.Config);
        Golden.AssertMatches("broken-config.txt", DiagnosticsRenderer.Render(result.Diagnostics));
    }
}
