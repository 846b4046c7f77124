using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Engine.Tests;

/// <summary>
/// The lanes of a run follow the AWS client's learned rate: a lane admits in arrival order up to a width it reads
/// whenever someone enters or leaves, so it widens at once and narrows as changes finish.
/// </summary>
public sealed class ElasticLaneTests
{
    [Fact]
    public async Task A_lane_admits_up_to_its_current_width_in_arrival_order_as_the_width_moves()
    {
        var width = 2;
        var lane = new ElasticLane(() => width);
        Assert.True(await lane.EnterAsync(default));
        Assert.True(await lane.EnterAsync(default));
        var third = lane.EnterAsync(default);
        Assert.False(third.IsCompleted);

        width = 3; // the client learned a higher rate: the next one to arrive finds room, the earliest waiter first
        var fourth = lane.EnterAsync(default);
        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(fourth.IsCompleted);

        width = 1; // a throttle lowered the rate: nobody new until only one is left in flight
        lane.Leave();
        lane.Leave();
        Assert.False(fourth.IsCompleted);
        lane.Leave();
        Assert.True(await fourth.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_waiter_whose_run_stops_leaves_the_queue_without_taking_a_place()
    {
        var lane = new ElasticLane(() => 1);
        Assert.True(await lane.EnterAsync(default));
        using var stop = new CancellationTokenSource();
        var stopped = lane.EnterAsync(stop.Token);
        var next = lane.EnterAsync(default);

        await stop.CancelAsync();
        Assert.False(await stopped.WaitAsync(TimeSpan.FromSeconds(10)));
        lane.Leave();

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(5, 8)]
    [InlineData(20.2, 21)]
    [InlineData(double.PositiveInfinity, 8)]
    public void A_paced_run_is_one_second_of_the_fastest_rate_wide_and_at_least_eight(double requestsPerSecond, int width) =>
        Assert.Equal(width, new ApplyOptions { Pace = () => requestsPerSecond, InFlightPerOperation = 1 }.LaneWidth);
}
