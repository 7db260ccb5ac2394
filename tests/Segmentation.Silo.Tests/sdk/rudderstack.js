'use strict';
// Sends an identify, a track and a page for one user with @rudderstack/rudder-sdk-node to a running silo, then
// flushes. The SDK gzips its batches (Content-Encoding: gzip, as x-www-form-urlencoded), stamps calls with
// originalTimestamp and sentAt, and copies identify traits into context.traits. The track call is stamped two hours
// before now, to show that originalTimestamp is kept.
// Usage: node rudderstack.js <baseUrl> <writeKey> <userId>
// Exits 0 when every call was delivered (answered 2xx), 1 otherwise.
const Analytics = require('@rudderstack/rudder-sdk-node');

async function main() {
  const [baseUrl, writeKey, userId] = process.argv.slice(2);
  if (!baseUrl || !writeKey || !userId) {
    throw new Error('usage: node rudderstack.js <baseUrl> <writeKey> <userId>');
  }

  const failures = [];
  const client = new Analytics(writeKey, {
    dataPlaneUrl: baseUrl,
    flushAt: 10,
    retryCount: 0,
    logLevel: 'error',
    errorHandler: (error) => failures.push(`flush: ${error && error.message ? error.message : error}`),
  });
  // Report how each batch goes over the wire (the test checks that it is gzip); the request itself is unchanged.
  client.axiosInstance.interceptors.request.use((config) => {
    const headers = config.headers || {};
    const encoding = typeof headers.get === 'function' ? headers.get('Content-Encoding') : headers['Content-Encoding'];
    console.log(`request: ${String(config.method).toUpperCase()} ${config.url} content-encoding=${encoding || 'none'}`);
    return config;
  });
  const delivered = (label) => (error) => {
    if (error) {
      failures.push(`${label}: ${error && error.message ? error.message : error}`);
    }
  };

  client.identify({ userId, traits: { email: `${userId}@example.com`, firstName: 'Rudder' } }, delivered('identify'));
  client.track({
    userId,
    event: 'Product Viewed',
    properties: { product_id: 'sku-rudder', name: 'Rain Jacket', category: 'Jackets', price: 120 },
    originalTimestamp: new Date(Date.now() - 2 * 60 * 60 * 1000),
  }, delivered('track'));
  client.page({ userId, name: 'Home', properties: { url: 'https://shop.example/' } }, delivered('page'));
  await client.flush();

  if (failures.length > 0) {
    console.error(`rudderstack: ${failures.length} failures: ${failures.join('; ')}`);
    process.exitCode = 1;
    return;
  }

  console.log('rudderstack: 3 calls delivered');
}

main().catch((error) => {
  console.error(`rudderstack: ${error && error.stack ? error.stack : error}`);
  process.exitCode = 1;
});
