namespace Segmentation.TestKit;

public sealed partial class TestSilo
{
    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>. Each reminder due on the way fires with the clock set to
    /// its due time and is applied before time moves on; timers fire as the clock passes them.
    /// </summary>
    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Clock.GetUtcNow() + by);

    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        var reminders = Silo.Runtime.Reminders;
        while (true)
        {
            await WhenIdleAsync();
            await reminders.RefreshAsync(target);
            var due = reminders.EarliestDue();
            if (due is null || due > target)
            {
                break;
            }

            if (due > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(due.Value);
            }

            await reminders.FireDueAsync();
        }

        Clock.SetUtcNow(target);
        await WhenIdleAsync();
    }
}
