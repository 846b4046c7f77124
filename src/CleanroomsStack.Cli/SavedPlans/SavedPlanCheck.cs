using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.SavedPlans;

/// <summary>
/// Decides whether a saved plan may be applied now: the config text and the live state must hash as they did when it
/// was saved. Because planning is deterministic, equal inputs give the saved plan again; that is checked too.
/// </summary>
internal static class SavedPlanCheck
{
    public static bool Matches(string path, PlanFingerprint now, PlanDocument fresh, TextWriter error)
    {
        if (SavedPlanFile.Read(path, error) is not { } saved) return false;
        string? problem = null;
        if (saved.ConfigFingerprint != now.Config)
            problem = "the configuration changed since the plan was saved";
        else if (saved.LiveStateFingerprint != now.LiveState)
            problem = "the live state in AWS changed since the plan was saved";
        else if (PlanJson.Write(saved.Plan) != PlanJson.Write(fresh))
            problem = "the plan computed now differs from the saved one";
        if (problem is null) return true;
        error.WriteLine($"error: refusing to apply the saved plan '{path}': {problem}. Nothing was changed.");
        error.WriteLine("  hint: run `cleanrooms-stack preview --out <file>` again, review it, then `up --plan <file>`.");
        return false;
    }
}
