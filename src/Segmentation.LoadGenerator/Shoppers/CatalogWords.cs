namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>The words fake products, customers and campaigns are made of.</summary>
internal static class CatalogWords
{
    /// <summary>Category name, what an item of it is called, and a typical price.</summary>
    public static readonly (string Name, string Item, decimal BasePrice)[] Categories =
    [
        ("Shoes", "Sneakers", 79m), ("Dresses", "Dress", 69m), ("Jackets", "Jacket", 129m), ("Jeans", "Jeans", 59m),
        ("T-Shirts", "Tee", 24m), ("Bags", "Tote", 89m), ("Accessories", "Scarf", 29m), ("Watches", "Watch", 199m),
        ("Beauty", "Serum", 34m), ("Home Decor", "Lamp", 49m), ("Kitchen", "Skillet", 44m), ("Sports", "Yoga Mat", 39m),
        ("Outdoor", "Backpack", 99m), ("Toys", "Puzzle", 19m), ("Books", "Cookbook", 22m), ("Electronics", "Headphones", 149m),
    ];

    public static readonly string[] Adjectives =
    [
        "Classic", "Essential", "Everyday", "Premium", "Vintage", "Modern", "Organic", "Lightweight", "Cozy", "Urban",
        "Coastal", "Alpine", "Heritage", "Studio", "Signature", "Relaxed", "Tailored", "Recycled", "Limited", "Weekend",
    ];

    public static readonly string[] Colors =
    [
        "Black", "White", "Navy", "Olive", "Sand", "Charcoal", "Rust", "Sky", "Forest", "Blush", "Ivory", "Slate",
    ];

    public static readonly string[] Brands =
    [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Adventure Works", "Lumen & Co", "Bluebird", "Oakridge",
        "Maple Lane", "Harbor", "Fjord", "Sierra", "Juniper", "Copperleaf", "Wildcraft", "Aurora",
    ];

    public static readonly string[] FirstNames =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Leo", "Sofia", "Mateo", "Amelia", "Elias", "Chloe",
        "Hugo", "Zoe", "Arjun", "Yuki", "Fatima", "Kwame", "Ingrid", "Priya", "Diego", "Hana", "Omar", "Lea", "Tomas",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Garcia", "Muller", "Rossi", "Dubois", "Kowalski", "Nguyen", "Tanaka", "Okafor", "Silva", "Jensen",
        "Novak", "Haddad", "Kim", "Patel", "Larsen", "Moreau", "Costa", "Schmidt", "Ivanova", "Brown", "Lopez",
    ];

    public static readonly string[] TimeZones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London", "Europe/Paris",
        "Europe/Berlin", "Europe/Madrid", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "America/Sao_Paulo",
    ];

    /// <summary>Campaign id and subject.</summary>
    public static readonly (string Id, string Name, string Subject)[] Campaigns =
    [
        ("cmp-spring-sale", "Spring Sale", "Up to 40% off the spring edit"),
        ("cmp-new-arrivals", "New Arrivals", "Just landed: this week's new arrivals"),
        ("cmp-back-in-stock", "Back in Stock", "Good news: it's back"),
        ("cmp-weekly-picks", "Weekly Picks", "Picked for you this week"),
        ("cmp-free-shipping", "Free Shipping Weekend", "Free shipping ends Sunday"),
        ("cmp-loyalty", "Loyalty Rewards", "You have rewards waiting"),
    ];
}
