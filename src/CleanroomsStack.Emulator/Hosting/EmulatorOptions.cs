namespace CleanroomsStack.Emulator;

/// <summary>
/// Every setting of the emulator in one place, shared by the hosting API, the command line and the admin API.
/// </summary>
public sealed record EmulatorOptions
{
    /// <summary>Interface to listen on; loopback by default so the emulator is never reachable from outside.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free ephemeral port (see <see cref="RunningEmulator.Endpoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>When set, the full state is saved here after every write and loaded on start.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Flush every state write to the disk, so it survives power loss too (a killed process never loses a write).</summary>
    public bool SyncStateToDisk { get; init; }

    /// <summary>A JSON world file (accounts, keys, seed resources); the built-in demo world when null.</summary>
    public string? WorldFile { get; init; }

    /// <summary>Region named in every ARN the emulator mints.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>How far a request's X-Amz-Date may be from the emulator's clock, as AWS allows.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Service quotas; AWS's defaults unless a test wants to reach them quickly.</summary>
    public EmulatorQuotas Quotas { get; init; } = new();

    /// <summary>Fault injection (latency, throttling, errors, lost responses, lag); off by default, changeable at run time.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Clock for timestamps and signature dates; tests can pin it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>Per-account and per-membership limits answered with ServiceQuotaExceededException (HTTP 402).</summary>
public sealed record EmulatorQuotas
{
    public int TableAssociationsPerMembership { get; init; } = 25;
    public int IdNamespaceAssociationsPerMembership { get; init; } = 10;
    public int IdMappingTablesPerMembership { get; init; } = 5;
    public int AnalysisTemplatesPerMembership { get; init; } = 25;
    public int ConfiguredAudienceModelAssociationsPerMembership { get; init; } = 5;
    public int MembershipsPerAccount { get; init; } = 100;
    public int ConfiguredTablesPerAccount { get; init; } = 250;
}
