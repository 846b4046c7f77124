using System.CommandLine;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Editing;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>add</c>: writes a pending invitation into the config as a new collaboration entry. Only lines are added (see
/// <see cref="CollaborationListEditor"/>), and the file is replaced only when the result validates, so a review diff
/// shows just the new entry. Ids that are not pending invitations, or already in the file, are refused.
/// </summary>
internal static class AddCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var ids = new Argument<string[]>("id")
        {
            Description = "Collaboration id of a pending invitation (`cleanrooms-stack invitations` lists them).", Arity = ArgumentArity.ZeroOrMore,
        };
        var allPending = new Option<bool>("--all-pending") { Description = "Add every pending invitation the config doesn't cover yet (by id or invitation policy), oldest first." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the lines that would be added; change nothing." };
        var command = new Command("add", "Add a pending invitation to collaborations.yaml as a new entry (only lines are added; comments and order stay).\n" +
            "Examples:\n" +
            "  cleanrooms-stack add 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60 --profile prod\n" +
            "  cleanrooms-stack add --all-pending --dry-run --profile prod") { ids, allPending, dryRun };
        command.Validators.Add(r =>
        {
            var given = r.GetValue(ids) is { Length: > 0 };
            if (given == r.GetValue(allPending))
                r.AddError(given ? "Pass either invitation ids or --all-pending, not both." : "Pass the id of a pending invitation, or --all-pending.");
        });
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.GuardAsync(async () =>
            {
                if (run.LoadWholeConfig() is not { } loaded)
                {
                    io.Error.WriteLine($"error: fix {SafeFiles.Shown(settings.ConfigPath)} first (above); nothing was added.");
                    return ExitCodes.Error;
                }
                var requested = (parsed.GetValue(ids) ?? []).Distinct(StringComparer.Ordinal).ToList();
                if (!AllNew(requested, loaded.Config, io.Error)) return ExitCodes.Error;
                await using var session = await ApiSession.OpenAsync(settings, loaded.Config.Region, io.Error, ct);
                var pending = await session.Api.ListCollaborationsAsync("INVITED", ct);
                var chosen = requested.Count == 0 ? Uncovered(pending, loaded.Config) : await PendingAsync(requested, pending, session, loaded.Config, io.Error, ct);
                if (chosen is null) return ExitCodes.Error;
                if (chosen.Count == 0)
                {
                    io.Out.WriteLine($"No pending invitations that {SafeFiles.Shown(settings.ConfigPath)} doesn't cover; nothing was added.");
                    return ExitCodes.Success;
                }
                return Write(settings.ConfigPath, loaded.Text, chosen, parsed.GetValue(dryRun));
            });
        });
        return command;

        int Write(string path, string text, IReadOnlyList<PendingInvitation> chosen, bool dryRunOnly)
        {
            var shown = SafeFiles.Shown(path);
            var edit = CollaborationListEditor.Append(text, path, chosen);
            if (edit.Text is null)
            {
                io.Error.WriteLine($"error: {TerminalText.Escape(edit.Problem)}; nothing was added.");
                io.Error.WriteLine($"  hint: add these lines under 'collaborations:' in {shown} by hand:");
                WriteLines(io.Error, string.Concat(chosen.Select(c => string.Join('\n', InvitationStanza.Lines(c).Select(l => "  " + l)) + "\n")));
                return ExitCodes.Error;
            }
            var result = ConfigFiles.Load(edit.Text, path);
            if (result.Diagnostics.HasErrors())
            {
                DiagnosticsView.Write(io.Error, result.Diagnostics);
                io.Error.WriteLine($"error: with the new entry, {shown} would not be valid (above; line numbers of the file with the entry added); nothing was written.");
                return ExitCodes.Error;
            }
            if (dryRunOnly)
            {
                io.Error.WriteLine($"Would add to {shown} (--dry-run: nothing was written):");
                WriteLines(io.Out, edit.Inserted);
                return ExitCodes.Success;
            }
            ConfigRewrite.Write(path, edit.Text);
            foreach (var invitation in chosen)
                io.Out.WriteLine($"Added '{TerminalText.Escape(invitation.Name)}' ({TerminalText.Escape(invitation.Id)}) to {shown}.");
            io.Out.WriteLine("Review the change (git diff), then `cleanrooms-stack preview` shows what accepting it does; `up` accepts it.");
            return ExitCodes.Success;
        }

        void WriteLines(TextWriter output, string lines)
        {
            foreach (var line in lines.ReplaceLineEndings("\n").Trim('\n').Split('\n')) output.WriteLine(TerminalText.Escape(line));
        }
    }

    /// <summary>Each requested id is a collaboration id the config doesn't list yet; otherwise says which and why.</summary>
    private static bool AllNew(IReadOnlyList<string> requested, StackConfig config, TextWriter error)
    {
        foreach (var id in requested)
        {
            if (!Formats.IsUuid(id))
            {
                error.WriteLine($"error: '{TerminalText.Escape(id)}' is not a collaboration id; nothing was added.");
                error.WriteLine(Formats.IsUppercaseUuid(id)
                    ? $"  hint: AWS accepts lowercase ids only: {id.ToLowerInvariant()}"
                    : "  hint: copy the id (8-4-4-4-12 lowercase hex digits) from `cleanrooms-stack invitations`.");
                return false;
            }
            if (config.Collaborations.FirstOrDefault(c => c.Id.Value == id) is { } listed)
            {
                error.WriteLine($"error: collaboration {id} is already in {SafeFiles.Shown(config.FilePath)} " +
                                $"(line {listed.Location.Line}, as '{TerminalText.Escape(listed.Name)}'); nothing was added.");
                error.WriteLine("  hint: `cleanrooms-stack preview` shows what up does with it.");
                return false;
            }
        }
        return true;
    }

    /// <summary>The pending invitations the config doesn't cover (by id or by its invitation policy), oldest first.</summary>
    private static IReadOnlyList<PendingInvitation> Uncovered(IReadOnlyList<CollaborationSummary> pending, StackConfig config) =>
        InvitationCoverage.Uncovered(config, pending).Select(ToPending).ToList();

    /// <summary>The requested invitations, or null after saying which id is not pending (and whether we are already a member).</summary>
    private static async Task<IReadOnlyList<PendingInvitation>?> PendingAsync(IReadOnlyList<string> requested,
        IReadOnlyList<CollaborationSummary> pending, ApiSession session, StackConfig config, TextWriter error, CancellationToken ct)
    {
        var missing = requested.FirstOrDefault(id => pending.All(p => p.Id != id));
        if (missing is null) return requested.Select(id => ToPending(pending.First(p => p.Id == id))).ToList();
        var member = (await session.Api.ListCollaborationsAsync("ACTIVE", ct)).FirstOrDefault(c => c.Id == missing);
        error.WriteLine($"error: {missing} is not a pending invitation of this account in {session.Region}; nothing was added.");
        error.WriteLine(member is null
            ? "  hint: `cleanrooms-stack invitations` lists the pending ones; check the id, the account (--profile) and the region (--region)."
            : $"  hint: this account is already a member of '{TerminalText.Escape(member.Name)}': list it in {SafeFiles.Shown(config.FilePath)} by hand (name and id) to manage it.");
        return null;
    }

    private static PendingInvitation ToPending(CollaborationSummary c) => new(c.Id, c.Name, c.CreatorAccountId, c.CreatorDisplayName, c.CreateTime);
}
