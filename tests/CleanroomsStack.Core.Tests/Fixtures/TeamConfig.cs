namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>The team's configuration (as in the repository's collaborations.yaml), fixed here so golden files don't move with it.</summary>
internal static class TeamConfig
{
    public const string Yaml = """
        version: 1
        defaults:
          region: us-east-1
          membership: { queryLogStatus: ENABLED }
          tables: { include: ["part_*"], exclude: [part_n_a, part_n_a_a], max: 25 }
          association:
            nameTemplate: "acx_{table}"
            role: cleanrooms-glue-s3-access
          analysisRule:
            type: CUSTOM
            allowedResultReceivers: auto
            allowedAdditionalAnalyses: []
          idNamespaceAssociations:
            - name: ACXIdNamespace
              arn: arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace
              description: ACX unique customer identifiers for Clean Rooms joins
              manageResourcePolicies: true
              allowUseAsDimensionColumn: false
        collaborations:
          - name: AMC Collaboration
            id: 27b93e2b-5001-4b20-a47b-6aad96ec8958
            note: Primary AMC collaboration
        """;

    /// <summary>The team config with extra lines appended to the AMC collaboration entry.</summary>
    public static string WithOverrides(string indentedLines) => Yaml + "\n" + indentedLines;
}
