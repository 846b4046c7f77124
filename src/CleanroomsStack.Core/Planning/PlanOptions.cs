namespace CleanroomsStack.Core.Planning;

/// <param name="AllowLeave">
/// Collaboration ids the operator explicitly allowed to leave (<c>up --allow-leave &lt;id&gt;</c>). Leaving is
/// irreversible, so a <c>state: left</c> collaboration not in this set makes the plan an error.
/// </param>
public sealed record PlanOptions(IReadOnlySet<string> AllowLeave)
{
    public static readonly PlanOptions Default = new(new HashSet<string>());
}
