namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>The population and behaviour of a <see cref="ShopperModel"/>.</summary>
public sealed record ShopperModelOptions
{
    /// <summary>How many customers there are.</summary>
    public int Customers { get; init; } = 100_000;

    /// <summary>How many products the catalog has.</summary>
    public int Products { get; init; } = 5_000;

    /// <summary>How many shopping sessions run at once; their events interleave.</summary>
    public int ConcurrentSessions { get; init; } = 2_000;

    /// <summary>Zipf exponent of customer activity: 0 is uniform, 1 is classic Zipf.</summary>
    public double CustomerSkew { get; init; } = 0.8;

    /// <summary>Zipf exponent of product popularity.</summary>
    public double ProductSkew { get; init; } = 1.0;

    /// <summary>The share of customers who already have an account: they identify when they first show up.</summary>
    public double KnownShare { get; init; } = 0.5;

    /// <summary>The seed of every random choice.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// When true, the first <see cref="Customers"/> sessions start with every customer in turn (0, 1, 2, ...), so that
    /// the whole population has shown up; later sessions pick customers by their Zipf activity as usual.
    /// </summary>
    public bool VisitEveryCustomerFirst { get; init; }

    /// <summary>Checks the values; returns a message per problem.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Customers < 1)
        {
            problems.Add("The number of customers must be at least 1.");
        }

        if (Products < 1)
        {
            problems.Add("The number of products must be at least 1.");
        }

        if (ConcurrentSessions < 1)
        {
            problems.Add("The number of concurrent sessions must be at least 1.");
        }

        if (!double.IsFinite(CustomerSkew) || CustomerSkew < 0 || !double.IsFinite(ProductSkew) || ProductSkew < 0)
        {
            problems.Add("The skews must be zero or positive.");
        }

        if (!double.IsFinite(KnownShare) || KnownShare < 0 || KnownShare > 1)
        {
            problems.Add("The known share must be between 0 and 1.");
        }

        return problems;
    }
}
