using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Tests.Config;

/// <summary>Builds small configs for tests and loads them under a fixed file name.</summary>
internal static class ConfigText
{
    public const string FileName = "collaborations.yaml";

    public const string Valid = """
        version: 1
        defaults:
          region: us-east-1
          membership:
            queryLogStatus: ENABLED
          tables:
            include: ["part_*"]
            exclude: [part_n_a]
            max: 25
          association:
            nameTemplate: "acx_{table}"
            role: cleanrooms-glue-s3-access
          analysisRule:
            type: CUSTOM
            allowedResultReceivers: auto
          idNamespaceAssociations:
            - name: ACXIdNamespace
              arn: arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace
              manageResourcePolicies: true
        collaborations:
          - name: AMC Collaboration
            id: 27b93e2b-5001-4b20-a47b-6aad96ec8958
            note: Primary AMC collaboration
        """;

    public static ConfigLoadResult Load(string yaml) => ConfigLoader.Load(yaml, FileName);

    /// <summary>Loads a config expected to fail and returns its single error.</summary>
    public static Diagnostic SingleError(string yaml)
    {
        var result = Load(yaml);
        Assert.Null(result.Config);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", errors));
        return errors[0];
    }

    public static void AssertAt(Diagnostic diagnostic, string code, int line, int column)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(new SourceLocation(FileName, line, column), diagnostic.Location);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Hint));
    }

    /// <summary>Replaces one exact line fragment of <see cref="Valid"/>, failing loudly if it isn't there.</summary>
    public static string ValidWith(string original, string replacement)
    {
        Assert.Contains(original, Valid);
        return Valid.Replace(original, replacement);
    }
}
