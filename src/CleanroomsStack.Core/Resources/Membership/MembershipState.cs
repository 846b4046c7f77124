namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>A membership as read from AWS, with the resources inside it.</summary>
public sealed record MembershipState(
    string Id,
    string Arn,
    string CollaborationId,
    string CollaborationName,
    string Status,
    string QueryLogStatus,
    IReadOnlyList<TableAssociation.TableAssociationState> TableAssociations,
    IReadOnlyList<IdNamespaceAssociation.IdNamespaceAssociationState> IdNamespaceAssociations,
    string? JobLogStatus = null,
    ResultConfiguration? DefaultResultConfiguration = null,
    PaymentConfiguration? Payment = null,
    IReadOnlyList<IdMappingTable.IdMappingTableState>? IdMappingTables = null);
