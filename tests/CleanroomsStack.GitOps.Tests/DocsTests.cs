using System.Reflection;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests;

/// <summary>The troubleshooting guide covers every diagnostic code and every kind of AWS failure a user can see.</summary>
public sealed class DocsTests
{
    private static readonly string Troubleshooting = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "troubleshooting.md"));

    [Fact]
    public void EveryDiagnosticCodeIsExplained()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.True(codes.Count > 20);
        Assert.All(codes, code => Assert.Contains($"| {code} |", Troubleshooting));
    }

    [Fact]
    public void EveryKindOfAwsFailureIsExplained()
    {
        Assert.All(Enum.GetNames<AwsErrorKind>(), kind => Assert.Contains($"| {kind} (", Troubleshooting));
    }

    [Fact]
    public void TheGuidesLinkEachOther()
    {
        var gettingStarted = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "getting-started.md"));

        Assert.Contains("(troubleshooting.md)", gettingStarted);
        Assert.Contains("(configuration.md)", gettingStarted);
        Assert.Contains("(troubleshooting.md)", File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "architecture.md")));
    }
}
