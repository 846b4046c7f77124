using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Engine.Kinds;

namespace CleanroomsStack.Engine.Tests;

/// <summary>Every kind that can block leaving (<see cref="ForeignKinds"/>) has the engine half that finds it, once.</summary>
public sealed class ForeignKindEngineTests
{
    [Fact]
    public void Every_foreign_kind_has_exactly_one_engine()
    {
        Assert.Equal(ForeignKinds.All, ForeignKindEngines.All.Select(e => e.Kind));
    }
}
