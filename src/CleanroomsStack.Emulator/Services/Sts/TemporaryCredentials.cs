using System.Security.Cryptography;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.Sts;

/// <summary>Mints temporary credentials (ASIA… key, secret, session token) and remembers them in the world.</summary>
public static class TemporaryCredentials
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static SessionRecord Issue(World world, string accountId, string roleName, string sessionName, int durationSeconds)
    {
        var roleId = "AROA" + RandomString(17);
        var session = new SessionRecord
        {
            AccessKeyId = "ASIA" + RandomString(16),
            SecretAccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            SessionToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            AccountId = accountId,
            Arn = $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}",
            UserId = $"{roleId}:{sessionName}",
            Expiration = Math.Floor(world.Now()) + durationSeconds,
        };
        // Expired sessions are dropped so the saved state doesn't grow without bound.
        world.State.Sessions.RemoveAll(s => s.Expiration <= world.Now());
        world.State.Sessions.Add(session);
        return session;
    }

    private static string RandomString(int length) =>
        new(Enumerable.Range(0, length).Select(_ => KeyAlphabet[RandomNumberGenerator.GetInt32(KeyAlphabet.Length)]).ToArray());
}
