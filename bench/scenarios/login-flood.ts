import type { Scenario } from '../support/scenario.ts';

/**
 * Wrong passwords from 200 connections at once, each request from another (forwarded) address and
 * for another login, so neither throttle stops it before argon2: what is left to protect the server
 * is the hashing limit (2 running, 64 waiting, then 503). The claim: /healthz keeps answering and
 * memory stays bounded.
 */
export const loginFlood: Scenario = {
  name: 'login-flood',
  description: 'POST /api/v1/identity/login with wrong passwords, 200 connections, random login and X-Forwarded-For; /healthz probed beside it',
  connections: 200,
  // The load comes from 127.0.0.1: believe its X-Forwarded-For, as behind a reverse proxy.
  env: { TRUSTED_PROXIES: '127.0.0.1' },
  requests: [
    {
      method: 'POST',
      path: '/api/v1/identity/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '{{ipv4}}' },
      body: '{"login":"flood-{{hex}}@load.example","password":"wrong-{{hex}}"}',
      randomize: true,
    },
  ],
  // 401 wrong password, 429 throttled, 503 hashing queue full (or under-pressure).
  expectStatuses: [401, 429, 503],
  probe: { name: '/healthz probe', requests: [{ method: 'GET', path: '/healthz' }], connections: 2, ratePerSec: 20 },
  reference: 'none',
  note: 'no reference: the figures to read are /healthz latency and errors during the flood and the peak RSS; the run fails if /healthz had any error or non-2xx',
};
