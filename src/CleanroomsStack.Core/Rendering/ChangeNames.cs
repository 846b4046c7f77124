using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Rendering;

/// <summary>
/// The names a plan shows a change by: its collaboration's name, and its address inside that collaboration's block
/// (<c>table-association[acx_part_age]/analysis-rule[CUSTOM]</c>, or <c>membership</c>). Apply lines, progress and the
/// summary use the same names, so what the plan listed can be found again in what the run printed.
/// </summary>
public sealed class ChangeNames
{
    private readonly Dictionary<string, string> collaborations;

    private ChangeNames(Dictionary<string, string> collaborations) => this.collaborations = collaborations;

    /// <summary>The names of a plan's collaborations; a name two of them share is told apart by its id, as the plan's headings do.</summary>
    public static ChangeNames Of(Plan plan)
    {
        var shared = plan.Collaborations.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return new ChangeNames(plan.Collaborations.ToDictionary(
            c => c.CollaborationId, c => shared.Contains(c.Name) ? $"{c.Name} ({c.CollaborationId})" : c.Name, StringComparer.Ordinal));
    }

    /// <summary>The collaboration's name as the plan shows it (its id when the plan doesn't know it).</summary>
    public string Collaboration(ResourceAddress address) => collaborations.GetValueOrDefault(address.CollaborationId, address.CollaborationId);

    /// <summary>e.g. <c>AMC Collaboration: table-association[acx_part_age]</c>.</summary>
    public string Of(ResourceAddress address) => $"{Collaboration(address)}: {Relative(address)}";

    /// <summary>The address inside the collaboration's block: the membership prefix is implied, so it is dropped.</summary>
    public static string Relative(ResourceAddress address) => Relative(address.ToString(), address.CollaborationId);

    /// <inheritdoc cref="Relative(ResourceAddress)"/>
    public static string Relative(string address, string collaborationId)
    {
        var prefix = ResourceAddress.Membership(collaborationId).ToString();
        return address == prefix ? "membership"
            : address.StartsWith(prefix + "/", StringComparison.Ordinal) ? address[(prefix.Length + 1)..]
            : address;
    }
}
