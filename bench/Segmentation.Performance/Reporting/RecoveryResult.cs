namespace Segmentation.Performance.Reporting;

/// <summary>Kill -9 of the busy silo, then a restart on the same data directory.</summary>
/// <param name="Customers">Customers in the data directory.</param>
/// <param name="ReadySeconds">From starting the new process to the first 200 of <c>/health/ready</c>.</param>
/// <param name="RecoveryLog">The silo's own recovery line (records replayed and time), when found.</param>
/// <param name="LedgerAcknowledged">Events acknowledged to the ledger writers before the kill.</param>
/// <param name="LedgerMissing">Acknowledged events absent from their customer's timeline after the restart.</param>
/// <param name="LedgerDuplicates">Events found more than once in a timeline.</param>
public sealed record RecoveryResult(
    long Customers,
    double ReadySeconds,
    string? RecoveryLog,
    long LedgerAcknowledged,
    long LedgerMissing,
    long LedgerDuplicates)
{
    /// <summary>Nothing acknowledged was lost and nothing counts twice.</summary>
    public bool NothingLost => LedgerAcknowledged > 0 && LedgerMissing == 0 && LedgerDuplicates == 0;
}
