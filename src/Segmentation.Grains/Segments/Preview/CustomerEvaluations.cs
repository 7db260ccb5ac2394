using Segmentation.Grains.Customers;
using Segmentation.Runtime;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// One page of customers asked to evaluate a rule with one-way calls that write their answers here. A request/response
/// call costs a task, a continuation and a response timer per customer, which over a million customers is a third of
/// the preview's time; here a page costs one task. A customer whose activation fails never answers (a one-way call's
/// failure is only logged), so a page waits at most the silo's response timeout.
/// </summary>
internal sealed class CustomerEvaluations
{
    private readonly bool?[] _answers;
    private readonly TaskCompletionSource<bool?[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    private CustomerEvaluations(int count)
    {
        _answers = new bool?[count];
        _pending = count;
    }

    /// <summary>Each customer's <see cref="CustomerGrain.EvaluateAsync"/> answer, in the order of <paramref name="customerIds"/>.</summary>
    /// <exception cref="TimeoutException">Some customer did not answer within <paramref name="timeout"/>.</exception>
    public static async Task<bool?[]> AskAsync(
        IGrainFactory grains,
        IReadOnlyList<string> customerIds,
        CompiledSegmentRule rule,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0)
        {
            return [];
        }

        var page = new CustomerEvaluations(customerIds.Count);
        for (var i = 0; i < customerIds.Count; i++)
        {
            var index = i;
            grains.GetGrain<CustomerGrain>(customerIds[i]).Post(customer => page.AnswerAsync(customer, index, rule));
        }

        try
        {
            return await page._done.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{page._pending} of {customerIds.Count} customers did not answer a preview within {timeout}.");
        }
    }

    private async ValueTask AnswerAsync(CustomerGrain customer, int index, CompiledSegmentRule rule)
    {
        try
        {
            _answers[index] = await customer.EvaluateAsync(rule);
        }
        catch (Exception exception)
        {
            _done.TrySetException(exception);
            return;
        }

        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _done.TrySetResult(_answers);
        }
    }
}
