namespace CleanroomsStack.Core.Resources.IdMappingTable;

public sealed record IdMappingTableState(
    string Id,
    string Arn,
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    string? KmsKeyArn);
