import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sessionCookieName } from '../../src/modules/identity/auth.ts';
import { readGeneratedAccounts } from '../generate/accounts.ts';
import { readGeneratedSessions } from '../generate/identity.ts';
import { runPsql } from '../support/postgres.ts';
import type { ExtrasContext } from '../support/scenario.ts';

/** 50 000 charges in five batches of 10 000, the API's largest. */
const BATCHES = 5;
const BATCH_ITEMS = 10_000;
const STATEMENT_RUNS = 10;

interface Charge {
  externalId: string;
  number: string;
  customerId: string;
  accountId: string;
  amount: number;
  occurredAt: string;
}

/**
 * After the dashboard's load, while the app runs: the import rate through the API against a raw
 * COPY of the same rows into a table with the ledger's columns and indexes, and a ten-year
 * statement's time (JSON and XLSX) for the account with five entries a day.
 */
export async function ledgerExtras({ url, databaseUrl, data }: ExtrasContext): Promise<string[]> {
  const generated = readGeneratedAccounts(data.dir);
  const run = randomUUID().slice(0, 8);
  const charges: Charge[] = Array.from({ length: BATCHES * BATCH_ITEMS }, (_, index) => {
    const target = generated.importTargets[index % generated.importTargets.length]!;
    return { externalId: `bench-${run}-${index}`, number: target.number, customerId: target.customerId, accountId: target.accountId, amount: 1_000 + (index % 5_000), occurredAt: '2026-11-01T10:00:00+03:00' };
  });

  const apiStarted = performance.now();
  for (let start = 0; start < charges.length; start += BATCH_ITEMS) {
    const items = charges.slice(start, start + BATCH_ITEMS).map((charge) => ({
      external_id: charge.externalId,
      account_number: charge.number,
      amount: charge.amount,
      charge_type: 'one_time',
      description: 'Разовое списание (bench)',
      occurred_at: charge.occurredAt,
    }));
    const response = await fetch(`${url}/api/v1/integration/charges`, {
      method: 'POST',
      headers: { authorization: `Bearer ${generated.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    const report = (await response.json()) as { added?: number; invalid?: number };
    if (!response.ok || report.added !== items.length) throw new Error(`import batch answered ${response.status}: ${JSON.stringify(report).slice(0, 300)}`);
  }
  const apiSeconds = (performance.now() - apiStarted) / 1000;
  const apiRate = charges.length / apiSeconds;
  const lines = [`import through the API: ${charges.length} charges in ${BATCHES} batches of ${BATCH_ITEMS}: ${apiSeconds.toFixed(1)} s, ${apiRate.toFixed(0)} entries/s`];

  if (databaseUrl !== undefined) {
    const copySeconds = await timeCopy(databaseUrl, charges, run);
    const copyRate = charges.length / copySeconds;
    lines.push(`raw COPY of the same rows into a table like the ledger (same indexes): ${copySeconds.toFixed(2)} s, ${copyRate.toFixed(0)} entries/s`);
    lines.push(`import / COPY rate: ${(apiRate / copyRate).toFixed(2)}×`);
  }

  const [token] = readGeneratedSessions(data.dir).tokens as [string];
  const { customerId, accountId, entries } = generated.longHistory;
  const to = new Date().toISOString().slice(0, 10);
  const from = `${Number(to.slice(0, 4)) - 10}${to.slice(4)}`;
  const statement = `${url}/api/v1/customers/${customerId}/accounts/${accountId}/statement?from=${from}&to=${to}`;
  const headers = { cookie: `${sessionCookieName(false)}=${token}` };
  const json = await timeRequests(statement, headers, STATEMENT_RUNS);
  const xlsx = await timeRequests(`${url}/api/v1/customers/${customerId}/accounts/${accountId}/statement/export?from=${from}&to=${to}&format=xlsx`, headers, 3);
  lines.push(`10-year statement of an account with ${entries} entries (${from} … ${to}): JSON median ${json.median.toFixed(0)} ms (max ${json.max.toFixed(0)}, ${STATEMENT_RUNS} runs), XLSX of every entry median ${xlsx.median.toFixed(0)} ms (${xlsx.bytes} bytes)`);
  return lines;
}

async function timeCopy(databaseUrl: string, charges: Charge[], run: string): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-copy-'));
  const table = `bench_copy_${run}`;
  try {
    const file = path.join(dir, 'charges.csv');
    const now = new Date().toISOString();
    writeFileSync(
      file,
      charges
        .map((charge) => [charge.customerId, randomUUID(), charge.accountId, charge.externalId, 'charge', -charge.amount, 'one_time', '', '', 'Разовое списание (bench)', charge.occurredAt, 'bench', now].join(','))
        .join('\n') + '\n',
    );
    await runPsql(databaseUrl, ['-c', `create table ${table} (like accounts_ledger_entry including all)`]);
    const started = performance.now();
    await runPsql(databaseUrl, ['-c', `\\copy ${table} (customer_id, id, account_id, external_id, kind, amount, charge_type, service_code, period, description, occurred_at, source, created_at) from '${file}' with (format csv)`]);
    return (performance.now() - started) / 1000;
  } finally {
    await runPsql(databaseUrl, ['-c', `drop table if exists ${table}`]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeRequests(url: string, headers: Record<string, string>, runs: number): Promise<{ median: number; max: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    times.push(performance.now() - started);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, bytes };
}
