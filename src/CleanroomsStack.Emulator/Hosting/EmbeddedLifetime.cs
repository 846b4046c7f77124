using Microsoft.Extensions.Hosting;

namespace CleanroomsStack.Emulator.Hosting;

/// <summary>
/// A host lifetime that leaves the process alone: no signal handlers, no console messages. The emulator stops when
/// the program that started it disposes it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
