import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

/**
 * Retries a start-up step while the database server is unreachable (it may be starting, or
 * failing over), so a process started before its database does not crash-loop.
 */
export async function retryWhileUnavailable<T>(what: string, step: () => Promise<T>, logger: Logger, attempts = 30): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !isConnectionFailure(error)) throw error;
      logger.warn({ err: error, attempt }, `${what}: database unreachable, retrying`);
      await sleep(Math.min(500 * attempt, 5000));
    }
  }
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P03'].includes(code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|the database system is starting up/i.test(String(error));
}
