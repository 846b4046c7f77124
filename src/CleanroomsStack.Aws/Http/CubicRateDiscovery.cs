namespace CleanroomsStack.Aws.Http;

/// <summary>
/// Finds the rate the service allows an operation, the way the AWS SDKs' adaptive retry mode does (a CUBIC curve:
/// cut to 70% on a throttle, climb back concavely to the rate that was throttled, then probe above it convexly), with
/// three differences that suit a run of thousands of calls against a token-bucket quota:
/// <list type="bullet">
/// <item>It starts at AWS's documented rate (or one remembered from an earlier run), not unlimited, and until the
/// first throttle doubles every <see cref="DoublingSeconds"/>: a raised quota is found within seconds.</item>
/// <item>After the first throttle, a throttle's rate estimate is the successes since the previous one (within the last
/// minute) divided by the time between them: a token bucket is empty at both throttles, so that is its refill rate,
/// the quota itself. (The rate we were sending at overshoots it by as much as the bucket's burst absorbed.)
/// Plateauing at the quota rather than above it, a run probes only every few dozen seconds, one or two throttled
/// requests each time.</item>
/// <item>The curve scales with the rate (the plateau is <see cref="PlateauSeconds"/> long whatever the rate), where
/// the SDKs' fixed constant makes it, relative to the rate, four times as steep at 5/s as at 20/s.</item>
/// </list>
/// As in the SDKs, the rate never exceeds twice the measured response rate, so an operation that is barely used
/// doesn't climb to a rate it never tried.
/// </summary>
internal sealed class CubicRateDiscovery : IRateControl
{
    private const double Beta = 0.7;
    private const double PlateauSeconds = 8;
    private const double DoublingSeconds = 1.5;
    private const double Headroom = 2;
    private const int SustainedSeconds = 10; // a rate held this long, not a burst the service's bucket absorbed

    private static readonly double Curvature = (1 - Beta) / (PlateauSeconds * PlateauSeconds * PlateauSeconds);

    private readonly TimeProvider _time;
    private readonly double _start;
    private readonly double _floor;
    private readonly double _ceiling;
    private readonly bool _startIsEstimate;
    private readonly long _origin;
    private readonly ResponseRateMeter _meter;
    private readonly SuccessWindow _successes;
    private double _learned;
    private long _curveStart;
    private long? _lastCut;
    private double _highestSustained;
    private double _sustainedSinceCut;
    private int _throttles;

    /// <param name="start">Where the rate starts: AWS's documented rate, or what an earlier run learned.</param>
    /// <param name="startIsEstimate">The start is an earlier run's estimate of the quota: probe above it gently instead of doubling.</param>
    public CubicRateDiscovery(double start, double floor, double ceiling, bool startIsEstimate, TimeProvider time)
    {
        _time = time;
        _floor = floor;
        _ceiling = ceiling;
        _start = Math.Clamp(start, floor, ceiling);
        _startIsEstimate = startIsEstimate;
        _origin = time.GetTimestamp();
        _meter = new ResponseRateMeter(time, _origin);
        _successes = new SuccessWindow(time, _origin);
        _learned = _start;
        // An estimate starts where a plateau ends: at the learned rate, about to probe above it.
        _curveStart = _origin - (long)(PlateauSeconds * time.TimestampFrequency);
        Rate = _start;
    }

    public double Rate { get; private set; }

    private bool SlowStart => _lastCut is null && !_startIsEstimate;

    public void OnSuccess(long now)
    {
        _successes.Add(now);
        var measured = _meter.Record(now);
        var window = now - SustainedSeconds * _time.TimestampFrequency;
        var sustained = _successes.RateSince(window, now);
        _highestSustained = Math.Max(_highestSustained, sustained);
        // Held for a whole window since the last cut, without a throttle: the service allows at least that much.
        if (window >= (_lastCut ?? _origin)) _sustainedSinceCut = Math.Max(_sustainedSinceCut, sustained);
        var curve = SlowStart
            ? _start * Math.Pow(2, Seconds(_origin, now) / DoublingSeconds)
            : _learned * (1 + Curvature * Math.Pow(Seconds(_curveStart, now) - PlateauSeconds, 3));
        // The headroom cap never pulls the rate below where it started or was cut to.
        var capFloor = SlowStart ? _start : _learned * Beta;
        Rate = Math.Clamp(Math.Min(curve, Math.Max(capFloor, Headroom * measured)), _floor, _ceiling);
    }

    public bool OnThrottled(long sentAt, long now)
    {
        _throttles++;
        var measured = _meter.Record(now);
        if (_lastCut is { } last && sentAt <= last) return false;
        // The first throttle ends a climb that started with the service's bucket full: only the rate we were just
        // sending at (as the SDKs take it) says anything. After that, both ends of the window had an empty bucket.
        var estimate = _lastCut is { } previous ? _successes.RateSince(previous, now) : measured > 0 ? measured : Rate;
        _learned = Math.Clamp(Math.Min(Rate, estimate), _floor, _ceiling);
        _lastCut = _curveStart = now;
        _sustainedSinceCut = 0;
        Rate = Math.Max(_floor, _learned * Beta);
        return true;
    }

    public OperationRate Learned(string operation) => _lastCut is null && !_startIsEstimate
        ? new OperationRate(operation, Math.Max(_start, _highestSustained), RateBasis.AtLeast, Rate, _throttles)
        : new OperationRate(operation, Math.Max(_learned, _sustainedSinceCut), RateBasis.Estimated, Rate, _throttles);

    private double Seconds(long from, long to) => _time.GetElapsedTime(from, to).TotalSeconds;
}
