using Segmentation.Grains.Customers;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>One registry page's answers to <see cref="CustomerGrain.EvaluateAsync"/>, by position in the page; reused page after page.</summary>
internal sealed class PreviewPageEvaluation(CompiledSegmentRule rule, int pageSize)
{
    private readonly bool?[] _answers = new bool?[pageSize];

    /// <summary>The answers of the page just evaluated (null: no profile), in page order.</summary>
    public ReadOnlySpan<bool?> Answers(int count) => _answers.AsSpan(0, count);

    public async ValueTask EvaluateAsync(CustomerGrain customer, int index) =>
        _answers[index] = await customer.EvaluateAsync(rule);
}
