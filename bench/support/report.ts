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
  if (result.note) out.push(`  note: ${result.note}`);
  return out.join('\n');
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
    if (target.errors > 0) problems.push(`${where}: ${target.errors} errors`);
    if (target.non2xx !== undefined && target.non2xx > 0) problems.push(`${where}: ${target.non2xx} non-2xx answers`);
    if (target.exitCode !== undefined && target.exitCode !== 0) problems.push(`${where}: ended with ${target.exitCode} after SIGTERM\n${target.serverOutput ?? ''}`);
  }
  return problems;
}
