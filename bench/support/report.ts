import type { ScenarioResult, TargetResult } from './measure.ts';

const COLUMNS = ['target', 'requests/s', 'p50 ms', 'p99 ms', 'errors/non-2xx', 'peak RSS MB'] as const;

export function formatScenario(result: ScenarioResult): string {
  const rows = [COLUMNS.slice(), ...result.targets.map(formatTarget)];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const lines = rows.map((row) => '  ' + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('   '));
  const out = [`${result.name} (${result.database}) — ${result.description}`, ...lines];
  if (result.ratio) {
    const { reference, throughput, p99 } = result.ratio;
    out.push(`  ${result.name} / ${reference} throughput: ${throughput.toFixed(2)}×, p99: ${p99.toFixed(1)}×`);
  }
  for (const target of result.targets) {
    if (target.expectedStatuses && target.statusCodes) {
      out.push(`  ${target.target} answers by status: ${formatStatuses(target.statusCodes, target.expectedStatuses)}; no answer (timeout, connection error): ${target.errors}`);
    }
  }
  for (const line of result.extras ?? []) out.push(`  ${line}`);
  if (result.note) out.push(`  note: ${result.note}`);
  return out.join('\n');
}

/** `401 × 1200, 429 × 0, 503 × 3400`: the expected statuses always (0 too), then any other that came. */
function formatStatuses(counts: Record<string, number>, expected: number[]): string {
  const statuses = [...new Set([...expected.map(String), ...Object.keys(counts)])].sort();
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return statuses.map((status) => `${status} × ${counts[status] ?? 0}`).join(', ') + ` (${total} in all, warm-up excluded)`;
}

function formatTarget(target: TargetResult): string[] {
  return [
    target.target,
    target.requestsPerSec.toFixed(0),
    target.p50Ms.toFixed(2),
    target.p99Ms.toFixed(2),
    `${target.errors}/${target.non2xx ?? '–'}`,
    target.peakRssMb === undefined ? '–' : target.peakRssMb.toFixed(1),
  ];
}

/** Why a scenario's run does not count: errors, non-2xx answers, an unclean server exit. */
export function problemsOf(result: ScenarioResult): string[] {
  const problems: string[] = [];
  for (const target of result.targets) {
    const where = `${result.name}/${target.target}`;
    // A flood's own timeouts are an observation (printed), not a failure: what it must not break is the probe.
    if (target.errors > 0 && !target.expectedStatuses) problems.push(`${where}: ${target.errors} errors`);
    if (target.expectedStatuses) {
      const expected = new Set(target.expectedStatuses.map(String));
      const unexpected = Object.entries(target.statusCodes ?? {}).filter(([status]) => !expected.has(status));
      if (unexpected.length > 0) problems.push(`${where}: unexpected answers ${unexpected.map(([status, count]) => `${status} × ${count}`).join(', ')}`);
    } else if (target.non2xx !== undefined && target.non2xx > 0) {
      problems.push(`${where}: ${target.non2xx} non-2xx answers`);
    }
    if (target.exitCode !== undefined && target.exitCode !== 0) problems.push(`${where}: ended with ${target.exitCode} after SIGTERM\n${target.serverOutput ?? ''}`);
  }
  return problems;
}
