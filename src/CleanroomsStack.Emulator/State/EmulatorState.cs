namespace CleanroomsStack.Emulator.State;

/// <summary>
/// Everything the emulated world holds, for every account. It is also the format of world files and of the
/// persisted state file, so a saved state can be used as a world and vice versa.
/// </summary>
public sealed class EmulatorState
{
    public List<AccountRecord> Accounts { get; init; } = [];
    public List<CollaborationRecord> Collaborations { get; init; } = [];
    public List<MembershipRecord> Memberships { get; init; } = [];
    public List<ConfiguredTableRecord> ConfiguredTables { get; init; } = [];
    public MembershipChildStore<TableAssociationRecord> TableAssociations { get; init; } = [];
    public List<IdNamespaceRecord> IdNamespaces { get; init; } = [];
    public MembershipChildStore<IdNamespaceAssociationRecord> IdNamespaceAssociations { get; init; } = [];
    public MembershipChildStore<IdMappingTableRecord> IdMappingTables { get; init; } = [];
    public MembershipChildStore<AnalysisTemplateRecord> AnalysisTemplates { get; init; } = [];
    public MembershipChildStore<PrivacyBudgetTemplateRecord> PrivacyBudgetTemplates { get; init; } = [];
    public MembershipChildStore<ConfiguredAudienceModelAssociationRecord> ConfiguredAudienceModelAssociations { get; init; } = [];
    public List<GlueDatabaseRecord> GlueDatabases { get; init; } = [];
    public List<GlueTableRecord> GlueTables { get; init; } = [];

    public List<SessionRecord> Sessions { get; init; } = [];

    /// <summary>Bearer tokens the SSO portal accepts in GetRoleCredentials (what <c>aws sso login</c> would cache).</summary>
    public List<string> SsoAccessTokens { get; init; } = [];

    /// <summary>Tags by resource ARN.</summary>
    public SortedDictionary<string, SortedDictionary<string, string>> Tags { get; init; } = new(StringComparer.Ordinal);
}
