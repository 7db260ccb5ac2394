namespace Segmentation.Import.Csv;

/// <summary>One data row of a CSV file.</summary>
/// <param name="LineNumber">The 1-based line of the file where the row starts (the header is line 1).</param>
/// <param name="Fields">The field values as read (not trimmed).</param>
/// <param name="Problem">Why the row cannot be trusted (bad quoting, wrong number of fields), or null.</param>
public sealed record CsvRecord(long LineNumber, IReadOnlyList<string> Fields, string? Problem);
