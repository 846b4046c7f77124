using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Core.Tests.Fixtures;

namespace CleanroomsStack.Core.Tests.Rendering;

public class RendererTests
{
    private static PlanDocument FreshInvitation() => PlanDocument.From(Scenario.Plan(TeamConfig.Yaml, new LiveState([])));

    [Fact]
    public void Diagnostics_render_by_position_with_hints_and_a_count()
    {
        var text = DiagnosticsRenderer.Render(
        [
            Diagnostic.Warning("CS203", "later", new SourceLocation("c.yaml", 9, 3), "raise it"),
            Diagnostic.Error("CS201", "unplaced"),
            Diagnostic.Error("CS102", "earlier", new SourceLocation("c.yaml", 2, 5), "fix it"),
        ]);
        Assert.Equal("""
            c.yaml:2:5: error CS102: earlier
              hint: fix it
            c.yaml:9:3: warning CS203: later
              hint: raise it
            error CS201: unplaced
            2 errors, 1 warning.

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Json_round_trips_to_an_equal_document()
    {
        var document = FreshInvitation();
        var json = PlanJson.Write(document);
        var read = PlanJson.Read(json);
        Assert.NotNull(read);
        Assert.Equal(json, PlanJson.Write(read));
        Assert.Equal(document.Summary, read.Summary);
    }

    [Fact]
    public void Json_that_is_not_a_plan_reads_as_null()
    {
        Assert.Null(PlanJson.Read("{ not json"));
    }

    [Fact]
    public void Planning_twice_gives_byte_identical_output()
    {
        Assert.Equal(PlanJson.Write(FreshInvitation()), PlanJson.Write(FreshInvitation()));
    }

    [Fact]
    public void Colour_is_off_by_default_and_on_when_asked()
    {
        var plain = PlanTextRenderer.Render(FreshInvitation());
        var coloured = PlanTextRenderer.Render(FreshInvitation(), new TextRenderOptions(Colour: true));
        Assert.DoesNotContain("\u001b[", plain);
        Assert.Contains("\u001b[32m+  membership", coloured);
    }

    [Fact]
    public void Unchanged_resources_are_listed_only_when_asked()
    {
        var applied = DemoWorld.Applied(Scenario.Desired(TeamConfig.Yaml).Collaborations[0]);
        var document = PlanDocument.From(Scenario.Plan(TeamConfig.Yaml, new LiveState([applied])));
        Assert.DoesNotContain("table-association[acx_part_01]", PlanTextRenderer.Render(document));
        Assert.Contains("table-association[acx_part_01]", PlanTextRenderer.Render(document, new TextRenderOptions(ShowUnchanged: true)));
    }
}
