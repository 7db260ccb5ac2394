using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Esp;

/// <summary>Turns a send into the ESP's request: the body (the same bytes on every attempt), then a request per attempt.</summary>
internal interface IEspAdapter
{
    /// <exception cref="EspRequestException">The send cannot be posted to this ESP.</exception>
    byte[] CreateBody(SendIntent intent);

    /// <summary>The request of one attempt made at <paramref name="now"/>.</summary>
    HttpRequestMessage CreateRequest(Uri endpoint, SendIntent intent, byte[] body, DateTimeOffset now);

    /// <summary>How long the ESP asked to wait before the next attempt; null when it did not say.</summary>
    TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now);
}
