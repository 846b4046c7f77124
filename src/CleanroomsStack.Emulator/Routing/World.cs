using CleanroomsStack.Emulator.Auth;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Routing;

/// <summary>
/// The live world handlers act on: the state, the settings, the clock and id source, and the ARN formats.
/// Callers hold the dispatcher's lock while touching it, so handlers are plain synchronous code.
/// </summary>
/// <summary>A pinned source of ids and time for building seeded worlds.</summary>
public interface IWorldSource
{
    string NewId();

    double Now();
}

public sealed class World
{
    public World(EmulatorState state, EmulatorOptions options, Func<FaultSettings> faults)
    {
        State = state;
        Options = options;
        _faults = faults;
    }

    private readonly Func<FaultSettings> _faults;

    /// <summary>The fault settings in force now (they can change at run time through the admin API).</summary>
    public FaultSettings Faults => _faults();

    public EmulatorState State { get; set; }
    public EmulatorOptions Options { get; }
    public string Region => Options.Region;

    /// <summary>
    /// Where new ids and timestamps come from: random ids and the configured clock, unless a world is being
    /// scripted (see <c>WorldScript</c>), which pins both so the seeded world is the same in every run.
    /// </summary>
    public IWorldSource? Source { get; set; }

    /// <summary>Seconds since the epoch with millisecond precision, the wire format of every timestamp.</summary>
    public double Now() => Source?.Now() ?? Math.Round(Options.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, 3);

    /// <summary>
    /// The updateTime of a resource changed now: always later than <paramref name="previous"/>, even for two updates in
    /// one millisecond or under a pinned clock, because readers (the tool's read cache) take an unchanged updateTime
    /// to mean an unchanged resource.
    /// </summary>
    public double UpdatedSince(double previous) => Math.Max(Now(), Math.Round(previous + 0.001, 3));

    /// <summary>A new lowercase UUID for a created resource.</summary>
    public string NewId() => Source?.NewId() ?? Guid.NewGuid().ToString("D");

    public SigningKey? FindKey(string accessKeyId)
    {
        var account = State.Accounts.FirstOrDefault(a => a.AccessKeyId == accessKeyId);
        if (account is not null)
        {
            return new SigningKey(account.AccountId, account.AccessKeyId, account.SecretAccessKey, null,
                $"arn:aws:iam::{account.AccountId}:user/{account.UserName}", account.AccessKeyId);
        }

        var session = State.Sessions.FirstOrDefault(s => s.AccessKeyId == accessKeyId);
        return session is null
            ? null
            : new SigningKey(session.AccountId, session.AccessKeyId, session.SecretAccessKey, session.SessionToken, session.Arn, session.UserId)
            {
                Expires = DateTimeOffset.FromUnixTimeMilliseconds((long)(session.Expiration * 1000)),
            };
    }

    public string CollaborationArn(CollaborationRecord c) => $"arn:aws:cleanrooms:{Region}:{c.CreatorAccountId}:collaboration/{c.Id}";

    public string MembershipArn(MembershipRecord m) => $"arn:aws:cleanrooms:{Region}:{m.AccountId}:membership/{m.Id}";

    public string ConfiguredTableArn(ConfiguredTableRecord t) => $"arn:aws:cleanrooms:{Region}:{t.AccountId}:configuredtable/{t.Id}";

    public string TableAssociationArn(MembershipRecord m, TableAssociationRecord a) =>
        $"arn:aws:cleanrooms:{Region}:{m.AccountId}:configuredtableassociation/{m.Id}/{a.Id}";

    /// <summary>The ARN of a resource inside a membership, e.g. <c>…:membership/{mid}/analysistemplate/{id}</c>.</summary>
    public string MembershipChildArn(MembershipRecord m, string type, string id) => $"{MembershipArn(m)}/{type}/{id}";

    public string IdNamespaceAssociationArn(MembershipRecord m, IdNamespaceAssociationRecord a) =>
        MembershipChildArn(m, "idnamespaceassociation", a.Id);

    public string IdMappingTableArn(MembershipRecord m, IdMappingTableRecord t) => MembershipChildArn(m, "idmappingtable", t.Id);

    public string IdNamespaceArn(IdNamespaceRecord n) => $"arn:aws:entityresolution:{Region}:{n.AccountId}:idnamespace/{n.Name}";

    public CollaborationRecord Collaboration(string id) => State.Collaborations.First(c => c.Id == id);
}
