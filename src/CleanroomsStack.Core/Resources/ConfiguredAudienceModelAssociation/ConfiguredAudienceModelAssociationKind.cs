using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Resources.ConfiguredAudienceModelAssociation;

/// <summary>
/// A Clean Rooms ML configured audience model associated with a membership (lookalike segments). Not managed here, so a
/// membership holding one can't be left by this tool.
/// </summary>
public sealed class ConfiguredAudienceModelAssociationKind : ForeignKind
{
    public static ConfiguredAudienceModelAssociationKind Instance { get; } = new();

    private ConfiguredAudienceModelAssociationKind() { }

    public override string DisplayName => "configured audience model association";
    public override OperationPermission List { get; } = OperationPermissions.PlanningRead("ListConfiguredAudienceModelAssociations");
}
