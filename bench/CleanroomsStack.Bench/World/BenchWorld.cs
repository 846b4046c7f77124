using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.Bench.World;

/// <summary>
/// The benchmark's world: the demo world's data (our account with its 30 <c>part_*</c> configured tables and the
/// ID namespace), invited into M partner collaborations. Built with the emulator's own <see cref="WorldScript"/>
/// and <see cref="DemoWorld"/> helpers, so it obeys the same rules as the demo world; ids are deterministic.
/// </summary>
public static class BenchWorld
{
    /// <summary>
    /// Each partner creates at most this many collaborations: a creator joins its own collaboration, and the world
    /// script runs under AWS's default quota of 100 memberships per account.
    /// </summary>
    private const int CollaborationsPerPartner = 50;

    public static string CollaborationId(int index) => DeterministicId.From($"bench-collaboration/{index}");

    public static string CollaborationName(int index) => $"Bench Collaboration {index:D4}";

    /// <summary>Writes the world with <paramref name="invitations"/> pending invitations as a JSON world file.</summary>
    public static void WriteFile(int invitations, string path)
    {
        File.WriteAllText(path, StateSerializer.Serialize(Build(invitations)));
    }

    private static EmulatorState Build(int invitations)
    {
        var partners = Enumerable.Range(0, (invitations + CollaborationsPerPartner - 1) / CollaborationsPerPartner)
            .Select(PartnerAccount).ToList();
        var state = new EmulatorState
        {
            Accounts = [DemoWorld.Account(DemoWorld.OurAccount, "ACX"), .. partners.Select(p => DemoWorld.Account(p, PartnerName(p)))],
        };
        var script = new WorldScript(state, DemoWorld.Epoch, "bench-world");
        DemoWorld.AddOurData(script);
        for (var i = 0; i < invitations; i++)
        {
            var partner = partners[i / CollaborationsPerPartner];
            DemoWorld.AddCollaboration(script, CollaborationId(i), CollaborationName(i), partner, PartnerName(partner));
        }
        return script.State;
    }

    // 12-digit account ids that no demo account uses: 1000000000NN.
    private static string PartnerAccount(int index) => $"1000000{index:D5}";

    private static string PartnerName(string account) => $"Partner {account}";
}
