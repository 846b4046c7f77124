namespace CleanroomsStack.Core.Diagnostics;

/// <summary>
/// Every diagnostic code the core emits, in one place so docs and tests refer to stable names.
/// CS1xx: the configuration file itself. CS2xx: the configuration checked against what the account sees.
/// </summary>
public static class DiagnosticCodes
{
    public const string YamlSyntax = "CS100";
    public const string DuplicateKey = "CS101";
    public const string UnknownKey = "CS102";
    public const string WrongType = "CS103";
    public const string MissingKey = "CS104";
    public const string InvalidEnum = "CS105";
    public const string InvalidUuid = "CS106";
    public const string InvalidAccountId = "CS107";
    public const string InvalidArn = "CS108";
    public const string DuplicateCollaboration = "CS109";
    public const string UnsupportedVersion = "CS110";
    public const string TooDeep = "CS111";
    public const string InvalidName = "CS112";
    public const string OutOfRange = "CS113";
    public const string EmptyFile = "CS114";
    public const string DuplicateEntry = "CS115";
    public const string ExtendsUnreadable = "CS116";
    public const string ExtendsLoop = "CS117";

    public const string CollaborationNotFound = "CS201";
    public const string CollaborationNotJoinable = "CS202";
    public const string TablesLeftOut = "CS203";
    public const string InvalidAssociationName = "CS204";
    public const string NoResultReceivers = "CS205";
    public const string UnknownResultReceiver = "CS206";
    public const string NoTablesSelected = "CS207";
    public const string TooManyTables = "CS208";
    public const string DuplicateAssociationName = "CS209";
    public const string UnknownTable = "CS210";
    public const string LeaveNotAllowed = "CS211";
    public const string OverQuota = "CS212";
    public const string PaymentMismatch = "CS213";
    public const string PaymentNotUpdatable = "CS214";
    public const string NameMismatch = "CS215";
    public const string WrongInvitation = "CS216";
    public const string CreatorCantLeave = "CS217";
    public const string TableHasNoRule = "CS218";
    public const string RuleTypeMismatch = "CS219";
    public const string SchemaNameTaken = "CS220";
    public const string LeaveBlocked = "CS221";
}
