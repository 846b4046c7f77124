using CleanroomsStack.Tests.Shared;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Core.Tests.Fixtures;

namespace CleanroomsStack.Core.Tests.Rendering;

/// <summary>
/// The plan's text, JSON and Markdown for named scenarios, compared exactly with Golden/&lt;scenario&gt;.txt, .json and .md.
/// Re-baseline with UPDATE_GOLDEN=1 (see <see cref="Golden"/>).
/// </summary>
public class GoldenPlanTests
{
    public static TheoryData<string> Scenarios => new(PlanScenarios.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_text_matches_the_golden_file(string scenario) =>
        Golden.AssertMatches($"{scenario}.txt", PlanTextRenderer.Render(PlanDocument.From(PlanScenarios.All[scenario].Plan())));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_json_matches_the_golden_file(string scenario) =>
        Golden.AssertMatches($"{scenario}.json", PlanJson.Write(PlanDocument.From(PlanScenarios.All[scenario].Plan())));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_markdown_matches_the_golden_file(string scenario) =>
        Golden.AssertMatches($"{scenario}.md", PlanMarkdownRenderer.Render(PlanDocument.From(PlanScenarios.All[scenario].Plan())));
}
