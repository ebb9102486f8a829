// The load generator, run as its own process so its CPU is not the measured server's.
// Usage: node bench/load.ts '<LoadSpec as JSON>'; prints one LoadResult JSON line.
import { randomBytes, randomInt } from 'node:crypto';
import autocannon, { type Request } from 'autocannon';
import type { LoadResult, LoadSpec } from './support/load-spec.ts';
import type { BenchRequest } from './support/scenario.ts';

const REQUEST_TIMEOUT_SEC = 10;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `{{hex}}` and `{{ipv4}}`, drawn afresh at each occurrence (see BenchRequest.randomize). */
function fill(template: string): string {
  return template.replace(/\{\{(hex|ipv4)\}\}/g, (_, kind: string) =>
    kind === 'hex' ? randomBytes(8).toString('hex') : `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
  );
}

/**
 * The app refuses state-changing requests whose Origin is not its PUBLIC_URL (CSRF check); the
 * runner starts it with PUBLIC_URL = the URL we load, so we send that origin, as a browser would.
 */
function toAutocannon(request: BenchRequest, origin: string): Request {
  const headers = SAFE_METHODS.has(request.method) ? { ...request.headers } : { origin, ...request.headers };
  const built: Request = { method: request.method, path: request.path, headers, ...(request.body === undefined ? {} : { body: request.body }) };
  if (request.randomize) {
    built.setupRequest = (data) => ({
      ...data,
      headers: Object.fromEntries(Object.entries(data.headers ?? {}).map(([name, value]) => [name, fill(value)])),
      ...(typeof data.body === 'string' ? { body: fill(data.body) } : {}),
    });
  }
  return built;
}

async function main(raw: string | undefined): Promise<void> {
  if (raw === undefined) throw new Error('usage: node bench/load.ts <LoadSpec JSON>');
  const spec = JSON.parse(raw) as LoadSpec;
  const url = new URL(spec.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`load targets 127.0.0.1 only, not ${spec.url}`);
  const rate = spec.ratePerSec === undefined ? {} : { overallRate: spec.ratePerSec };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSec,
    maxOverallRequests: spec.maxRequests,
    timeout: REQUEST_TIMEOUT_SEC,
    requests: spec.requests.map((request) => toAutocannon(request, url.origin)),
    ...rate,
    ...(spec.warmupSec > 0 ? { warmup: { connections: spec.connections, duration: spec.warmupSec } } : {}),
  });
  const summary: LoadResult = {
    requests: result.requests.total,
    durationSec: result.duration,
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, stats]) => [status, stats.count])),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
