namespace Segmentation.Import.Sending;

/// <summary>The final answer for one batch after retries.</summary>
internal sealed record BatchAttempt(BatchAttemptKind Kind, int? StatusCode, string? Body, Exception? Exception);
