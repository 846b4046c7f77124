namespace CleanroomsStack.Cli.Commands;

/// <summary>The file `init` writes: every common setting, commented, with placeholders to replace.</summary>
internal static class StarterConfig
{
    public const string Text = """
        # collaborations.yaml: which AWS Clean Rooms collaborations this account takes part in, and what it shares.
        # `cleanrooms-stack validate` checks it offline; `preview` shows what would change; `up` applies it.
        # Reference: docs/configuration.md
        version: 1

        # Settings every collaboration gets unless it overrides them (maps merge key by key; lists replace).
        defaults:
          region: us-east-1

          membership:
            queryLogStatus: ENABLED          # ENABLED or DISABLED

          # Which of your configured tables to associate into each collaboration. Globs: '*' any text, '?' one character.
          tables:
            include: ["*"]
            exclude: []
            max: 25                          # at most this many per membership; the plan warns about the rest

          association:
            nameTemplate: "{table}"          # the table's name inside the collaboration; {table} is the configured table's name
            role: my-cleanrooms-role         # IAM role name (in this account) or full role ARN that can read the tables

          # The collaboration analysis rule put on every association.
          analysisRule:
            type: CUSTOM                     # CUSTOM, LIST or AGGREGATION
            allowedResultReceivers: auto     # every other member that can receive results, or a list of account ids
            allowedAdditionalAnalyses: []

          # Entity Resolution ID namespaces to associate into every membership.
          idNamespaceAssociations: []
          #  - name: MyIdNamespace
          #    arn: arn:aws:entityresolution:us-east-1:111122223333:idnamespace/MyIdNamespace
          #    manageResourcePolicies: true
          #    allowUseAsDimensionColumn: false

        # One entry per collaboration; `cleanrooms-stack invitations` lists the ones you are invited to.
        collaborations: []
        #  - name: Partner Collaboration
        #    id: 00000000-0000-0000-0000-000000000000
        #    note: why we take part

        """;

    /// <summary>A stack's starter: the defaults come from <paramref name="shared"/> (extends); only what differs goes here.</summary>
    public static string ForStack(string stack, string shared) => $$"""
        # {{StackFiles.Of(shared, stack)}}: the collaborations of the stack "{{stack}}" (one AWS account) and what it shares.
        # It takes the defaults of {{shared}} (extends) and overrides only what differs for this account.
        # `cleanrooms-stack validate --stack {{stack}}` checks it offline; `preview --stack {{stack}}` shows what would change.
        # Reference: docs/configuration.md (Stacks)
        version: 1
        extends: {{shared}}

        # Settings that differ from {{shared}} for this account (maps merge key by key; lists replace), e.g.:
        # defaults:
        #   association:
        #     role: my-{{stack}}-cleanrooms-role
        #   tables:
        #     include: ["{{stack}}_*"]

        # One entry per collaboration: `cleanrooms-stack invitations --stack {{stack}}` lists this account's invitations,
        # `cleanrooms-stack add --stack {{stack}} ID` adds one.
        collaborations: []

        """;
}
