import type { Scale } from '../generate/generator.ts';

/** One HTTP request a load client sends; a scenario cycles through its list. */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Fill placeholders in header values and the body afresh for every request the load client
   * sends: `{{hex}}` becomes 16 random hex digits, `{{ipv4}}` a random address in 10.0.0.0/8.
   */
  randomize?: boolean;
}

/** What the scenario's generation step left behind for it to read (`generate/<module>.ts` says what). */
export interface GeneratedData {
  /** The scenario's temp directory: generators write their files (session tokens…) here. */
  dir: string;
}

/**
 * What the scenario's figures are divided by. `bare-fastify`: a plain Fastify route answering the
 * same JSON, so the ratio is our HTTP overhead. `pgbenchSql`: the SQL the endpoint runs, driven by
 * pgbench with the same connections and duration against the same database, so the ratio is what
 * the application costs on top of PostgreSQL. `none`: absolute figures only (a flood, say).
 */
export type Reference = 'bare-fastify' | 'none' | { pgbenchSql: string | ((data: GeneratedData) => string) };

/** A second load process run at the same time as the main one, at a fixed low rate, to watch what others get. */
export interface Probe {
  name: string;
  requests: BenchRequest[];
  connections: number;
  /** Requests per second over all its connections. */
  ratePerSec: number;
}

export interface ExtrasContext {
  /** The running app. */
  url: string;
  /** The app's PostgreSQL database; undefined on the embedded one. */
  databaseUrl: string | undefined;
  data: GeneratedData;
}

export interface Scenario {
  name: string;
  description: string;
  /** The requests; a function when they need what the generation step wrote (session tokens). */
  requests: BenchRequest[] | ((data: GeneratedData) => BenchRequest[]);
  reference: Reference;
  /** Data to generate into the app's database before it starts (migrations first); none when absent. */
  generate?: Scale;
  /** Added to the app's environment (e.g. TRUSTED_PROXIES). */
  env?: Record<string, string>;
  /** Fixed by the scenario, overriding --connections (a flood's width is part of what it shows). */
  connections?: number;
  /** Answers the main load is expected to get; others than these are a failure. Default: 2xx only. */
  expectStatuses?: number[];
  probe?: Probe;
  /**
   * One-off measurements while the app still runs after the load (an import's rate, a long
   * statement's time), each a line printed under the figures; measured against the same work done
   * directly where there is such a thing.
   */
  extras?: (ctx: ExtrasContext) => Promise<string[]>;
  /** Printed under the figures. */
  note?: string;
}
