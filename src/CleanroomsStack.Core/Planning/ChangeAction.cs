namespace CleanroomsStack.Core.Planning;

/// <summary>The closed set of things a plan can do to a resource.</summary>
public enum ChangeAction { NoOp, Create, Update, Replace, Delete }

/// <summary>One row per action: its symbol, verb and past tense live here and nowhere else.</summary>
/// <param name="Progressive">The verb while it happens ("creating"), for progress: "still creating … (12s)".</param>
public sealed record ChangeActionInfo(ChangeAction Action, string Symbol, string Verb, string PastTense, string JsonName, string Progressive);

public static class ChangeActions
{
    private static readonly ChangeActionInfo[] Table =
    [
        new(ChangeAction.NoOp, " ", "keep", "kept", "no-op", "keeping"),
        new(ChangeAction.Create, "+", "create", "created", "create", "creating"),
        new(ChangeAction.Update, "~", "update", "updated", "update", "updating"),
        new(ChangeAction.Replace, "+-", "replace", "replaced", "replace", "replacing"),
        new(ChangeAction.Delete, "-", "delete", "deleted", "delete", "deleting"),
    ];

    public static ChangeActionInfo Info(this ChangeAction action) => Table[(int)action];

    public static ChangeAction FromJsonName(string name) =>
        Table.FirstOrDefault(i => i.JsonName == name)?.Action
        ?? throw new ArgumentException($"unknown change action '{name}'", nameof(name));
}
