'use strict';
// Sends an identify, a track and a page for one user with @segment/analytics-node to a running silo, then flushes.
// The track call is timestamped two hours before now, to show that the SDK's own timestamp is kept.
// Usage: node segment.js <baseUrl> <writeKey> <userId>
// Exits 0 when every call was delivered (answered 2xx), 1 otherwise.
const { Analytics } = require('@segment/analytics-node');

async function main() {
  const [baseUrl, writeKey, userId] = process.argv.slice(2);
  if (!baseUrl || !writeKey || !userId) {
    throw new Error('usage: node segment.js <baseUrl> <writeKey> <userId>');
  }

  const failures = [];
  const analytics = new Analytics({ writeKey, host: baseUrl, flushAt: 10, maxRetries: 0 });
  analytics.on('error', (error) => failures.push(String(error && error.reason ? error.reason : error)));
  // Report how each batch goes over the wire; the request itself is unchanged.
  analytics.on('http_request', (request) => {
    const headers = request.headers || {};
    const body = JSON.parse(request.body);
    console.log(`request: ${request.method} ${request.url} content-type=${headers['Content-Type']} body-writeKey=${body.writeKey ? 'yes' : 'no'}`);
  });
  const delivered = (label) => (error) => {
    if (error) {
      failures.push(`${label}: ${error}`);
    }
  };

  analytics.identify({ userId, traits: { email: `${userId}@example.com`, firstName: 'Segment' } }, delivered('identify'));
  analytics.track({
    userId,
    event: 'Product Viewed',
    properties: { product_id: 'sku-segment', name: 'Trail Shoe', category: 'Shoes', price: 89.5 },
    timestamp: new Date(Date.now() - 2 * 60 * 60 * 1000),
  }, delivered('track'));
  analytics.page({ userId, name: 'Home', properties: { url: 'https://shop.example/' } }, delivered('page'));
  await analytics.closeAndFlush({ timeout: 60000 });

  if (failures.length > 0) {
    console.error(`segment: ${failures.length} failures: ${failures.join('; ')}`);
    process.exitCode = 1;
    return;
  }

  console.log('segment: 3 calls delivered');
}

main().catch((error) => {
  console.error(`segment: ${error && error.stack ? error.stack : error}`);
  process.exitCode = 1;
});
