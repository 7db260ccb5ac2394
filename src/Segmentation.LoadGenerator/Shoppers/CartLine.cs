namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>A product and its quantity in a shopper's cart.</summary>
public readonly record struct CartLine(Product Product, int Quantity);
