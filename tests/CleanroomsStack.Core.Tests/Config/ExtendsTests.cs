using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Tests.Config;

/// <summary>
/// <c>extends</c>: a stack's file shares the defaults of another file (maps merge, lists replace), and every problem
/// along the chain — a missing file, a loop, a mistake in an inherited key — is reported at the file and line that holds it.
/// </summary>
public sealed class ExtendsTests
{
    /// <summary>The shared file: a valid config whose collaborations (one of them wrong) are its own, never checked as the stack's.</summary>
    private const string Base = ConfigText.Valid + "\n  - name: Prod only\n    id: not-checked-when-extended\n";

    private const string Dev = """
        version: 1
        extends: collaborations.yaml
        defaults:
          tables:
            include: ["dev_*"]
          association:
            role: dev-role
        collaborations:
          - name: ACXDevToProd
            id: 27b93e2b-5001-4b20-a47b-6aad96ec8958
        """;

    private readonly Dictionary<string, string> files = new() { [Path.Combine("stacks", "collaborations.yaml")] = Base };

    [Fact]
    public void TheStackGetsTheSharedDefaultsWithItsOwnOnTop()
    {
        var result = Load(Dev);

        var collaboration = Assert.Single(result.Config!.Collaborations);
        Assert.Equal("us-east-1", result.Config.Region);
        Assert.Equal("ENABLED", collaboration.Settings.Membership.QueryLogStatus);
        Assert.Equal(["dev_*"], collaboration.Settings.Tables.Include);
        Assert.Empty(collaboration.Settings.Tables.Exclude.Except(["part_n_a"])); // a map merges: exclude is inherited
        Assert.Equal("acx_{table}", collaboration.Settings.Association.NameTemplate.Value);
        Assert.Equal("dev-role", collaboration.Settings.Association.Role.Value);
        Assert.Equal(Path.Combine("stacks", "collaborations.yaml"), Assert.Single(result.Extended).Path);
    }

    [Fact]
    public void AMistakeInAnInheritedKeyIsReportedInTheFileThatHoldsIt()
    {
        files[Path.Combine("stacks", "collaborations.yaml")] = Base.Replace("queryLogStatus: ENABLED", "queryLogStatus: ENABLD");

        var error = SingleError(Dev);

        Assert.Equal(DiagnosticCodes.InvalidEnum, error.Code);
        Assert.Equal(new SourceLocation(Path.Combine("stacks", "collaborations.yaml"), 5, 21), error.Location);
    }

    [Fact]
    public void AMissingFileIsReportedAtTheExtendsKeyWithThePathLookedAt()
    {
        var error = SingleError(Dev.Replace("extends: collaborations.yaml", "extends: collaborations.yml"));

        Assert.Equal(DiagnosticCodes.ExtendsUnreadable, error.Code);
        Assert.Equal(new SourceLocation(Path.Combine("stacks", "collaborations.dev.yaml"), 2, 10), error.Location);
        Assert.Contains($"{Path.Combine("stacks", "collaborations.yml")} does not exist", error.Message);
    }

    [Fact]
    public void ALoopIsReportedWhereItClosesWithTheWholeChain()
    {
        files[Path.Combine("stacks", "collaborations.yaml")] = Base.Replace("version: 1\n", "version: 1\nextends: base.yaml\n");
        files[Path.Combine("stacks", "base.yaml")] = "version: 1\nextends: collaborations.dev.yaml\n";

        var error = SingleError(Dev);

        Assert.Equal(DiagnosticCodes.ExtendsLoop, error.Code);
        Assert.Equal(new SourceLocation(Path.Combine("stacks", "base.yaml"), 2, 10), error.Location);
        var chain = string.Join(" -> ", new[] { "collaborations.dev.yaml", "collaborations.yaml", "base.yaml", "collaborations.dev.yaml" }.Select(f => Path.Combine("stacks", f)));
        Assert.Contains(chain, error.Message);
    }

    [Fact]
    public void AFileThatExtendsItselfIsALoop()
    {
        var error = SingleError(Dev.Replace("extends: collaborations.yaml", "extends: ./collaborations.dev.yaml"));

        Assert.Equal(DiagnosticCodes.ExtendsLoop, error.Code);
        Assert.Equal(2, error.Location!.Line);
    }

    [Fact]
    public void AChainMergesFarthestFirst()
    {
        files[Path.Combine("stacks", "collaborations.yaml")] = Base.Replace("version: 1\n", "version: 1\nextends: ../org.yaml\n");
        files["org.yaml"] = "version: 1\ndefaults:\n  membership:\n    queryLogStatus: DISABLED\n    jobLogStatus: ENABLED\n";

        var settings = Assert.Single(Load(Dev).Config!.Collaborations).Settings;

        Assert.Equal("ENABLED", settings.Membership.QueryLogStatus); // the nearer file wins
        Assert.Equal("ENABLED", settings.Membership.JobLogStatus);   // only the farthest sets it
    }

    [Fact]
    public void AnExtendedFileIsCheckedAsAConfigOfItsOwn()
    {
        files[Path.Combine("stacks", "collaborations.yaml")] = "defaults:\n  tabels: {}\n";

        var errors = Load(Dev).Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        Assert.Contains(errors, e => e.Code == DiagnosticCodes.MissingKey && e.Message.Contains("'version'") && e.Location!.File.EndsWith("collaborations.yaml"));
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.UnknownKey && e.Location == new SourceLocation(Path.Combine("stacks", "collaborations.yaml"), 2, 3));
    }

    [Fact]
    public void WithoutAFileReaderExtendsIsAnError()
    {
        var result = ConfigLoader.Load(Dev, "collaborations.dev.yaml");

        Assert.Equal(DiagnosticCodes.ExtendsUnreadable, Assert.Single(result.Diagnostics).Code);
    }

    private ConfigLoadResult Load(string text) =>
        ConfigLoader.Load(text, Path.Combine("stacks", "collaborations.dev.yaml"),
            path => files.FirstOrDefault(f => Path.GetFullPath(f.Key) == Path.GetFullPath(path)).Value is { } found
                ? new ConfigFileRead(found, null) : new ConfigFileRead(null, "does not exist"));

    private Diagnostic SingleError(string text)
    {
        var result = Load(text);
        Assert.Null(result.Config);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }
}
