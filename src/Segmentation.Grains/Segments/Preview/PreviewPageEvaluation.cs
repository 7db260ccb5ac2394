using Segmentation.Grains.Customers;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>One registry page's answers to <see cref="CustomerGrain.EvaluateAsync"/>, by position in the page; reused page after page.</summary>
internal sealed class PreviewPageEvaluation(CompiledSegmentRule rule, int pageSize)
{
    private readonly bool?[] _answers = new bool?[pageSize];

    /// <summary>The answers of the page just evaluated (null: no profile), in page order.</summary>
    public ReadOnlySpan<bool?> Answers(int count) => _answers.AsSpan(0, count);

    public ValueTask EvaluateAsync(CustomerGrain customer, int index)
    {
        var answer = customer.EvaluateAsync(rule);
        if (!answer.IsCompletedSuccessfully)
        {
            return StoreAsync(answer, index);
        }

        _answers[index] = answer.Result;
        return ValueTask.CompletedTask;
    }

    private async ValueTask StoreAsync(ValueTask<bool?> answer, int index) => _answers[index] = await answer;
}
