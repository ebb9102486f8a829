import type { BenchRequest } from './scenario.ts';

/** What bench/load.ts is asked to do; passed as one JSON argument. */
export interface LoadSpec {
  url: string;
  requests: BenchRequest[];
  connections: number;
  durationSec: number;
  warmupSec: number;
  maxRequests: number;
  /** A fixed rate in requests per second over all connections; as fast as answers come when absent. */
  ratePerSec?: number;
}

/** What bench/load.ts prints as one JSON line on stdout. */
export interface LoadResult {
  requests: number;
  durationSec: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Answers by HTTP status. */
  statusCodes: Record<string, number>;
}
