using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>
/// The membership: accepting an invitation creates it, leaving deletes it. Everything else lives in it, so it is the
/// root of every address and applies first (and, when leaving, last).
/// </summary>
public sealed class MembershipKind : ResourceKind
{
    public static MembershipKind Instance { get; } = new();

    private MembershipKind() { }

    public override string AddressSegment => "membership";
    public override string DisplayName => "membership";
    public override ResourceKind? Parent => null;
    public override IReadOnlySet<string> ReplaceOnChange { get; } = new HashSet<string> { "collaborationIdentifier" };
    public override IReadOnlyList<SchemaProperty> ConfigKeys => [new("membership", ConfigSchema.Membership)];
    public override string DocsHeading => "Membership";
    public override string? PulumiType => "aws-native:cleanrooms:Membership";

    // Accepting an invitation or changing its settings: with query or job logging on, Clean Rooms sets up log delivery as the caller.
    public override IReadOnlyList<OperationPermission> Permissions { get; } = OperationPermissions.OfResource("Membership",
        create: ConditionalPermission.PassRoles | ConditionalPermission.LogDelivery, update: ConditionalPermission.PassRoles | ConditionalPermission.LogDelivery);
}
