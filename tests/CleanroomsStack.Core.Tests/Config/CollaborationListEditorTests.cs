using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Editing;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.Core.Tests.Config;

/// <summary>
/// <c>add</c>'s edit of the config text: the file as it was plus the new entries' lines, whatever its layout
/// (comments under the last entry or after the list, an empty or flow list, CRLF, no final newline), and names from
/// AWS written so that the loader reads back exactly the name.
/// </summary>
public sealed class CollaborationListEditorTests
{
    private static readonly PendingInvitation Retail = new("5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60", "Retail Media Collaboration",
        "657425294073", "Retail Media Partner", new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero));

    private static readonly PendingInvitation Measurement = new("8e4f2a6b-7c19-4d3e-b5a0-9f6e1d2c3b47", "Measurement Collaboration",
        "803109464991", "Measurement Partner", new DateTimeOffset(2025, 1, 4, 0, 0, 0, TimeSpan.Zero));

    private const string Head = "version: 1\ndefaults:\n  association:\n    role: r\n";

    [Fact]
    public void TheRepositoryConfigGainsOnlyTheNewLinesAfterTheCommentsOfItsLastEntry()
    {
        var before = File.ReadAllText(RepoRoot.File("collaborations.yaml"));

        var after = Edit(before, Retail);

        Assert.Equal(
        [
            "  - name: Retail Media Collaboration",
            "    id: 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60",
            "    note: \"Invited by Retail Media Partner (657425294073) on 2025-01-03\"",
            "    creatorAccountId: \"657425294073\"",
        ], LineDiff.Added(before, after, out var at));
        Assert.Equal(before.Split('\n').Length - 1, at); // at the end: the comments under AMC stay with AMC
        var loaded = ConfigLoader.Load(after, ConfigText.FileName);
        Assert.NotNull(loaded.Config);
        var added = loaded.Config.Collaborations[^1];
        Assert.Equal(("Retail Media Collaboration", "657425294073"), (added.Name, added.CreatorAccountId));
        Assert.Equal("Invited by Retail Media Partner (657425294073) on 2025-01-03", added.Note);
    }

    [Fact]
    public void ANewEntryGoesBeforeCommentsAndKeysThatFollowTheList()
    {
        var before = Head + "collaborations:\n- name: A\n  id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n  # about A\n\n# the end of the list\ninvitations:\n  accept: none\n";

        var after = Edit(before, Retail);

        var added = LineDiff.Added(before, after, out var at);
        Assert.Equal("- name: Retail Media Collaboration", added[0]);
        Assert.Equal("  id: 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60", added[1]);
        Assert.Equal("  # about A", before.Split('\n')[at - 1]);
    }

    [Fact]
    public void EntriesFollowTheListsOwnIndentationAndBlankLineSeparation()
    {
        var before = Head + "collaborations:\n    -   name: A\n        id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n\n    -   name: B\n        id: 8e4f2a6b-7c19-4d3e-b5a0-9f6e1d2c3b40\n";

        var after = Edit(before, Retail, Measurement);

        Assert.StartsWith(before, after);
        var added = after[before.Length..].Split('\n');
        Assert.Equal(["", "    -   name: Retail Media Collaboration", "        id: 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60"], added.Take(3));
        Assert.Equal(["", "    -   name: Measurement Collaboration"], added.Skip(5).Take(2));
    }

    [Fact]
    public void AFileWithoutAFinalNewlineKeepsNotHavingOne()
    {
        var before = Head + "collaborations:\n  - name: A\n    id: 27b93e2b-5001-4b20-a47b-6aad96ec8958";

        var after = Edit(before, Retail);

        Assert.StartsWith(before + "\n  - name: Retail Media Collaboration\n", after);
        Assert.EndsWith("creatorAccountId: \"657425294073\"", after);
    }

    [Fact]
    public void CrlfFilesGetCrlfLines()
    {
        var before = (Head + "collaborations:\n  - name: A\n    id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n").ReplaceLineEndings("\r\n");

        var after = Edit(before, Retail);

        Assert.StartsWith(before, after);
        Assert.Equal(after.Split('\n').Length - 1, after.Split("\r\n").Length - 1); // every newline is CRLF
    }

    [Theory]
    [InlineData("collaborations: []   # none yet\n#  - name: Example\n#    id: 00000000-0000-0000-0000-000000000000\n", "collaborations:   # none yet")]
    [InlineData("collaborations:\n", "collaborations:")]
    [InlineData("collaborations: ~\n", "collaborations:")]
    public void AnEmptyListGetsItsFirstEntryRightBelowTheKey(string list, string keyLine)
    {
        var before = Head + list;

        var after = Edit(before, Retail);

        var lines = after.Split('\n');
        var key = Array.FindIndex(lines, l => l.StartsWith("collaborations:", StringComparison.Ordinal));
        Assert.Equal(keyLine, lines[key]);
        Assert.Equal("  - name: Retail Media Collaboration", lines[key + 1]);
        // Apart from the key line, the file only gained lines.
        var old = before.Split('\n').ToList();
        old.RemoveAt(key);
        var now = lines.ToList();
        now.RemoveRange(key, 1 + InvitationStanza.Lines(Retail).Count);
        Assert.Equal(old, now);
        Assert.Single(ConfigLoader.Load(after, ConfigText.FileName).Config!.Collaborations);
    }

    [Fact]
    public void AFlowListWithEntriesIsRefusedWithTheWayOut()
    {
        var edit = CollaborationListEditor.Append(Head + "collaborations: [{name: A, id: 27b93e2b-5001-4b20-a47b-6aad96ec8958}]\n", ConfigText.FileName, [Retail]);

        Assert.Null(edit.Text);
        Assert.Contains("flow list", edit.Problem);
        Assert.Contains("one '- name: ...' entry per line", edit.Problem);
    }

    [Theory]
    [InlineData("Retail: \"Media\" #1")]
    [InlineData("yes")]
    [InlineData("- leading dash, [brackets], {braces} & *star")]
    [InlineData("back\\slash 'single' quotes")]
    [InlineData("bidi \u202eevil\u202c and zero\u200bwidth and \u001b[31mred")]
    [InlineData("  padded  ")]
    public void HostileNamesAreQuotedSoTheLoaderReadsBackTheSameName(string name)
    {
        var before = Head + "collaborations:\n  - name: A\n    id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n";

        var after = Edit(before, Retail with { Name = name, CreatorDisplayName = name });

        var added = LineDiff.Added(before, after, out _);
        Assert.Equal(4, added.Count); // one line each: nothing in the name breaks a line
        Assert.All(added, line => Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u202e' or '\u200b'));
        var loaded = ConfigLoader.Load(after, ConfigText.FileName).Config!.Collaborations[^1];
        Assert.Equal(name, loaded.Name);
        Assert.StartsWith($"Invited by {name} (", loaded.Note);
    }

    private static string Edit(string before, params PendingInvitation[] invitations)
    {
        var edit = CollaborationListEditor.Append(before, ConfigText.FileName, invitations);
        Assert.True(edit.Text is not null, edit.Problem);
        return edit.Text;
    }
}
