namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// A population of shoppers whose interleaved sessions make a realistic event stream: Zipf-skewed customers and
/// products, landing pages, browsing (lists, searches, product views), carts that grow and shrink, checkouts of
/// which most become orders, campaign emails opened and clicked, known customers who log in (identify) and
/// anonymous visitors who sign up mid-session or at checkout and are identified from then on.
/// Deterministic: the same options give the same sequence of events. Not thread-safe.
/// </summary>
public sealed partial class ShopperModel
{
    private const byte IdentifiedFlag = 1;
    private const byte ActiveFlag = 2;
    private const ulong KnownSalt = 0x4B4E;
    private const double EmailSessionShare = 0.2;
    private const double EmailClickShare = 0.4;
    private const double SignUpPerStep = 0.01;
    private const double CheckoutPerStep = 0.15;
    private const double OrderShare = 0.6;
    private const double AccountAtCheckoutShare = 0.5;
    private const double KeepBrowsingAfterOrder = 0.1;

    private readonly ShopperRandom _random;
    private readonly ZipfDistribution _customerActivity;
    private readonly ZipfDistribution _productPopularity;
    private readonly byte[] _flags;
    private readonly ShopperSession[] _sessions;
    private readonly long[] _counts = new long[ShopperEventNames.All.Count];
    private readonly (string Query, int Category)[] _queries;
    private long _sessionNumber;
    private int _nextUnvisited;
    private long _orderNumber;
    private long _emailNumber;

    /// <summary>A model with the given population and behaviour.</summary>
    public ShopperModel(ShopperModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = options;
        Catalog = new ProductCatalog(options.Products);
        _random = new ShopperRandom(options.Seed);
        _customerActivity = new ZipfDistribution(options.Customers, options.CustomerSkew);
        _productPopularity = new ZipfDistribution(options.Products, options.ProductSkew);
        _flags = new byte[options.Customers];
        _sessions = [.. Enumerable.Range(0, options.ConcurrentSessions).Select(_ => new ShopperSession())];
        _queries =
        [
            .. CatalogWords.Categories.Select((c, i) => (c.Name.ToLowerInvariant(), i)),
            .. CatalogWords.Categories.Select((c, i) => (c.Item.ToLowerInvariant(), i)),
            .. CatalogWords.Brands.Select(b => (b.ToLowerInvariant(), -1)),
        ];
    }

    /// <summary>The options the model was made with.</summary>
    public ShopperModelOptions Options { get; }

    /// <summary>The products shoppers browse and buy.</summary>
    public ProductCatalog Catalog { get; }

    /// <summary>How many events <see cref="Next"/> has made.</summary>
    public long EventsGenerated { get; private set; }

    /// <summary>How many sessions have started (each starts with an event).</summary>
    public long SessionsStarted => _sessionNumber;

    /// <summary>How many events of <paramref name="kind"/> were made.</summary>
    public long CountOf(ShopperEventKind kind) => _counts[(int)kind];

    /// <summary>Event counts by name (track event name, or <c>identify</c> and <c>page</c>).</summary>
    public IReadOnlyDictionary<string, long> EventMix() =>
        ShopperEventNames.All.ToDictionary(ShopperEventNames.NameOf, CountOf, StringComparer.Ordinal);

    /// <summary>Whether customer <paramref name="customer"/> has an account before the run (the same for every seed).</summary>
    public bool IsKnown(int customer) => ShopperRandom.HashToUnit(customer, KnownSalt) < Options.KnownShare;

    /// <summary>Whether customer <paramref name="customer"/> has identified in this run.</summary>
    public bool IsIdentified(int customer) => (_flags[customer] & IdentifiedFlag) != 0;

    /// <summary>Makes the next event into <paramref name="shopperEvent"/>.</summary>
    public void Next(ShopperEvent shopperEvent)
    {
        ArgumentNullException.ThrowIfNull(shopperEvent);
        var session = _sessions[_random.Next(_sessions.Length)];
        if (session.Phase == SessionPhase.Ended)
        {
            StartSession(session);
        }

        Step(session, shopperEvent);
        _counts[(int)shopperEvent.Kind]++;
        EventsGenerated++;
        if (session.Phase == SessionPhase.Ended)
        {
            _flags[session.Customer] &= unchecked((byte)~ActiveFlag);
        }
    }

    private void StartSession(ShopperSession session)
    {
        if (Options.VisitEveryCustomerFirst && _nextUnvisited < Options.Customers)
        {
            // Never visited, so never in a session: no need to look for an idle one.
            var next = _nextUnvisited++;
            _flags[next] |= ActiveFlag;
            session.Start(next, ++_sessionNumber);
            return;
        }

        var customer = _customerActivity.Sample(_random);
        for (var attempt = 0; attempt < 16 && (_flags[customer] & ActiveFlag) != 0; attempt++)
        {
            customer = _customerActivity.Sample(_random);
        }

        _flags[customer] |= ActiveFlag;
        session.Start(customer, ++_sessionNumber);
    }

    private void Step(ShopperSession s, ShopperEvent e)
    {
        switch (s.Phase)
        {
            case SessionPhase.Start when IsKnown(s.Customer) && !IsIdentified(s.Customer):
                Identify(s, e);
                s.Phase = SessionPhase.Landing;
                break;
            case SessionPhase.Start:
            case SessionPhase.Landing:
                Land(s, e);
                break;
            case SessionPhase.EmailOpened:
                Emit(s, e, ShopperEventKind.EmailLinkClicked, fromBrowser: true);
                e.Campaign = s.Campaign;
                e.EmailNumber = s.EmailNumber;
                e.Product = s.NextView = Catalog.Products[_productPopularity.Sample(_random)];
                s.Phase = SessionPhase.Browsing;
                break;
            case SessionPhase.Checkout:
                Checkout(s, e);
                break;
            default:
                Browse(s, e);
                break;
        }
    }

    private void Land(ShopperSession s, ShopperEvent e)
    {
        if (IsIdentified(s.Customer) && _random.Chance(EmailSessionShare))
        {
            // Opens come from the email service: server side, by userId only.
            Emit(s, e, ShopperEventKind.EmailOpened, fromBrowser: false);
            e.Campaign = s.Campaign = _random.Next(CatalogWords.Campaigns.Length);
            e.EmailNumber = s.EmailNumber = ++_emailNumber;
            s.Phase = _random.Chance(EmailClickShare) ? SessionPhase.EmailOpened : SessionPhase.Ended;
            return;
        }

        Emit(s, e, ShopperEventKind.Page, fromBrowser: true);
        e.Category = _random.Chance(0.5) ? -1 : Catalog.Products[_productPopularity.Sample(_random)].CategoryIndex;
        s.Phase = SessionPhase.Browsing;
    }

    private void Browse(ShopperSession s, ShopperEvent e)
    {
        if (!IsIdentified(s.Customer) && _random.Chance(SignUpPerStep))
        {
            Identify(s, e);
            return;
        }

        if (s.NextView is { } next)
        {
            s.NextView = null;
            View(s, e, next);
        }
        else if (s.Cart.Count > 0 && _random.Chance(CheckoutPerStep))
        {
            Emit(s, e, ShopperEventKind.CheckoutStarted, fromBrowser: true);
            s.OrderNumber = ++_orderNumber;
            FillCart(s, e);
            s.Phase = _random.Chance(OrderShare) ? SessionPhase.Checkout : SessionPhase.Ended;
            return;
        }
        else
        {
            var r = _random.NextDouble();
            if (r < 0.45 || (r >= 0.68 && r < 0.88 && s.Cart.Count >= ShopperSession.MaxCartLines) || (r >= 0.88 && r < 0.94 && s.Cart.Count == 0))
            {
                View(s, e, s.Current is { } current && _random.Chance(0.2) ? current : PopularProduct());
            }
            else if (r < 0.58 || (r >= 0.94 && s.Cart.Count == 0))
            {
                ViewList(s, e);
            }
            else if (r < 0.68)
            {
                Search(s, e);
            }
            else if (r < 0.88)
            {
                AddToCart(s, e);
            }
            else if (r < 0.94)
            {
                RemoveFromCart(s, e);
            }
            else
            {
                Emit(s, e, ShopperEventKind.CartViewed, fromBrowser: true);
                FillCart(s, e);
            }
        }

        if (_random.Chance(s.Cart.Count == 0 ? 0.12 : 0.08))
        {
            s.Phase = SessionPhase.Ended;
        }
    }

    private void Checkout(ShopperSession s, ShopperEvent e)
    {
        if (!IsIdentified(s.Customer) && _random.Chance(AccountAtCheckoutShare))
        {
            // Makes an account, then orders in the next step as an identified customer.
            Identify(s, e);
            return;
        }

        Emit(s, e, ShopperEventKind.OrderCompleted, fromBrowser: true);
        FillCart(s, e);
        s.Cart.Clear();
        s.Current = null;
        s.Phase = _random.Chance(KeepBrowsingAfterOrder) ? SessionPhase.Browsing : SessionPhase.Ended;
    }

    private void View(ShopperSession s, ShopperEvent e, Product product)
    {
        Emit(s, e, ShopperEventKind.ProductViewed, fromBrowser: true);
        e.Product = s.Current = product;
    }

    private void ViewList(ShopperSession s, ShopperEvent e)
    {
        Emit(s, e, ShopperEventKind.ProductListViewed, fromBrowser: true);
        var category = PopularProduct().CategoryIndex;
        var products = Catalog.TopOfCategory(category);
        e.Category = category;
        e.ListProducts = products;
        if (products.Count > 0 && _random.Chance(0.6))
        {
            s.NextView = products[_random.Next(products.Count)];
        }
    }

    private void Search(ShopperSession s, ShopperEvent e)
    {
        Emit(s, e, ShopperEventKind.ProductsSearched, fromBrowser: true);
        var (query, category) = _queries[_random.Next(_queries.Length)];
        e.Query = query;
        var hits = category >= 0 ? Catalog.InCategory(category) : [];
        if (_random.Chance(0.7))
        {
            s.NextView = hits.Count > 0 ? hits[_random.Next(Math.Min(hits.Count, 10))] : PopularProduct();
        }
    }

    private void Identify(ShopperSession s, ShopperEvent e)
    {
        _flags[s.Customer] |= IdentifiedFlag;
        Emit(s, e, ShopperEventKind.Identify, fromBrowser: true);
    }

    private void Emit(ShopperSession s, ShopperEvent e, ShopperEventKind kind, bool fromBrowser) =>
        e.Reset(kind, s.Customer, hasUserId: IsIdentified(s.Customer), hasAnonymousId: fromBrowser);

    private Product PopularProduct() => Catalog.Products[_productPopularity.Sample(_random)];
}
