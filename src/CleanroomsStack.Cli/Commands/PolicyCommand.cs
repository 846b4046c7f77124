using System.CommandLine;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>policy</c>: the least-privilege IAM policy for the current config, offline (no credentials, no AWS call).
/// Role names resolve in <c>--account-id</c>; without it in any account ("*"), which iam:PassRole limits to the caller's own.
/// </summary>
internal static class PolicyCommand
{
    private static readonly string[] Scopes = ["read", "up"];

    public static Command Create(CommonOptions common, CliIo io)
    {
        var scope = new Option<string>("--for")
        {
            Description = "read: what preview, drift, verify and invitations need. up: what up needs (reads and writes).",
            DefaultValueFactory = _ => "read",
        };
        scope.AcceptOnlyFromAmong(Scopes);
        var accountId = new Option<string?>("--account-id")
        { Description = "12-digit account the role names of the config resolve in (default: '*', the caller's account)." };
        var command = new Command("policy", "Print the least-privilege IAM policy (JSON) the tool needs for this config. Offline.\n" +
            "Examples:\n" +
            "  cleanrooms-stack policy --for read > preview-policy.json       for the pull-request role\n" +
            "  cleanrooms-stack policy --for up --account-id 239083076653      for the role that applies on merge")
        {
            scope, accountId,
        };
        command.SetAction(parsed =>
        {
            var account = parsed.GetValue(accountId);
            if (account is not null && !Formats.IsAccountId(account))
            {
                io.Error.WriteLine($"error: --account-id '{account}' is not a 12-digit AWS account id.");
                io.Error.WriteLine("  hint: pass the account the pipeline runs in, e.g. --account-id 239083076653, or leave it out.");
                return ExitCodes.Error;
            }
            if (new StackRun(common.Read(parsed), io).LoadConfig() is not { } loaded) return ExitCodes.Error;
            var policyScope = parsed.GetValue(scope) == "up" ? PolicyScope.Up : PolicyScope.Read;
            io.Out.Write(PolicyBuilder.Build(loaded.Config, policyScope, account).ToJson());
            return ExitCodes.Success;
        });
        return command;
    }
}
