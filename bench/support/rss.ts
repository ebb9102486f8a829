import { readFileSync } from 'node:fs';

/** Resident set size of a process in bytes, from /proc (Linux); undefined once it is gone. */
function readRss(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `intervalMs` until `stop()`, which returns the peak in bytes. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number } {
  let peak = readRss(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, readRss(pid) ?? 0);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, readRss(pid) ?? 0);
      return peak;
    },
  };
}
