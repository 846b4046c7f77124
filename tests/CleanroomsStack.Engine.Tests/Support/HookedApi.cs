using System.Reflection;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>
/// An <see cref="ICleanRoomsApi"/> that awaits a hook before passing each call on, given the method's name and the
/// call's cancellation token: a test can hold one operation until another has begun, or until the caller cancels it.
/// </summary>
public class HookedApi : DispatchProxy
{
    private ICleanRoomsApi inner = null!;
    private Func<string, CancellationToken, Task> before = null!;

    public static ICleanRoomsApi Wrap(ICleanRoomsApi inner, Func<string, CancellationToken, Task> before)
    {
        var proxy = Create<ICleanRoomsApi, HookedApi>();
        var hooked = (HookedApi)(object)proxy;
        hooked.inner = inner;
        hooked.before = before;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        var ct = args?.OfType<CancellationToken>().LastOrDefault() ?? default;
        if (method.ReturnType == typeof(Task)) return PassOnAsync(method, args, ct);
        var result = method.ReturnType.GetGenericArguments().Single();
        return typeof(HookedApi).GetMethod(nameof(PassOnWithResultAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(result).Invoke(this, [method, args, ct]);
    }

    private async Task PassOnAsync(MethodInfo method, object?[]? args, CancellationToken ct)
    {
        await before(method.Name, ct);
        await (Task)method.Invoke(inner, args)!;
    }

    private async Task<T> PassOnWithResultAsync<T>(MethodInfo method, object?[]? args, CancellationToken ct)
    {
        await before(method.Name, ct);
        return await (Task<T>)method.Invoke(inner, args)!;
    }
}
