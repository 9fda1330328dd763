namespace Parley.Engagements;

/// <summary>Limits on free text that would otherwise enter the append-only ledger unbounded.</summary>
public static class Bounds
{
    /// <summary>Where a record comes from: a citation or an address.</summary>
    public const int Source = 2000;
}
