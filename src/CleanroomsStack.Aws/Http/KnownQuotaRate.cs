namespace CleanroomsStack.Aws.Http;

/// <summary>
/// The rate control of a known quota (<c>--max-rps</c>): additive increase, multiplicative decrease under a fixed
/// ceiling. Halved (down to a floor) when throttled, raised by a small step after each success until it is back at the
/// quota, never above it. The step is small on purpose: each probe above the service's real limit costs one throttled
/// request, and a step of 0.5% of the quota keeps that to roughly one request in 40 against a service that allows less
/// than we were told.
/// </summary>
internal sealed class KnownQuotaRate : IRateControl
{
    private const double ThrottleFactor = 0.5;
    private const double RecoveryStepFraction = 0.005;

    private readonly double _quota;
    private readonly double _floor;
    private long? _lastDecrease;
    private int _throttles;

    public KnownQuotaRate(double quota)
    {
        _quota = quota;
        _floor = Math.Min(quota, Math.Max(0.2, quota / 10));
        Rate = quota;
    }

    public double Rate { get; private set; }

    public bool OnThrottled(long sentAt, long now)
    {
        _throttles++;
        if (_lastDecrease is { } last && sentAt <= last) return false;
        _lastDecrease = now;
        Rate = Math.Max(_floor, Rate * ThrottleFactor);
        return true;
    }

    public void OnSuccess(long now) => Rate = Math.Min(_quota, Rate + _quota * RecoveryStepFraction);

    public OperationRate Learned(string operation) => new(operation, _quota, RateBasis.Given, Rate, _throttles);
}
