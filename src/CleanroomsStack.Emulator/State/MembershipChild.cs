namespace CleanroomsStack.Emulator.State;

/// <summary>
/// A resource that lives inside one membership and is addressed by id (in paths) and by name (unique per membership):
/// configured table associations, ID namespace associations, ID mapping tables, analysis templates.
/// </summary>
public interface IMembershipChild
{
    string Id { get; }
    string MembershipId { get; }

    /// <summary>Change it only through <see cref="MembershipChildStore{T}.Rename"/>, which keeps the name index current.</summary>
    string Name { get; set; }

    double CreateTime { get; }
    double UpdateTime { get; set; }

    /// <summary>How two names of this kind clash within a membership (AWS compares some kinds' names case-insensitively).</summary>
    static abstract StringComparer NameComparer { get; }
}
