namespace CleanroomsStack.Aws.Http;

/// <summary>
/// How many responses per second an operation is getting, smoothed: counted in half-second buckets, each new bucket
/// weighing 80% against the history (the AWS SDKs' adaptive retry mode measures its send rate the same way).
/// </summary>
internal sealed class ResponseRateMeter(TimeProvider time, long origin)
{
    private const double BucketSeconds = 0.5;
    private const double Smoothing = 0.8;

    private long _lastBucket;
    private int _count;

    public double Rate { get; private set; }

    /// <summary>Counts one response at <paramref name="now"/> and returns the smoothed rate.</summary>
    public double Record(long now)
    {
        var bucket = (long)Math.Floor(time.GetElapsedTime(origin, now).TotalSeconds / BucketSeconds);
        _count++;
        if (bucket > _lastBucket)
        {
            var current = _count / ((bucket - _lastBucket) * BucketSeconds);
            Rate = current * Smoothing + Rate * (1 - Smoothing);
            _count = 0;
            _lastBucket = bucket;
        }
        return Rate;
    }
}
