// The load generator, run as its own process so its CPU is not the measured server's.
// Usage: node bench/load.ts '<LoadSpec as JSON>'; prints one LoadResult JSON line.
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './support/load-spec.ts';

const REQUEST_TIMEOUT_SEC = 10;

async function main(raw: string | undefined): Promise<void> {
  if (raw === undefined) throw new Error('usage: node bench/load.ts <LoadSpec JSON>');
  const spec = JSON.parse(raw) as LoadSpec;
  if (new URL(spec.url).hostname !== '127.0.0.1') throw new Error(`load targets 127.0.0.1 only, not ${spec.url}`);
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSec,
    maxOverallRequests: spec.maxRequests,
    timeout: REQUEST_TIMEOUT_SEC,
    requests: spec.requests,
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
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
