import type { Db } from '../../src/platform/db/database.ts';
import type { Random } from './random.ts';

/** How big the generated provider is; each module's generator derives its row counts from it. */
export interface Scale {
  customers: number;
}

export interface GeneratorContext {
  db: Db;
  random: Random;
  scale: Scale;
  /** Where a generator may leave files for the bench to read (the session tokens…); undefined when run by hand without --out. */
  outDir: string | undefined;
}

/** One module's data. Runs after the generators listed before it, so it may read their rows. */
export interface Generator {
  module: string;
  /**
   * Deletes what an earlier run left in a database that is kept (BENCH_DATABASE_URL). Every
   * generator's `clear` runs before any `run`, in reverse order, so rows that point at another
   * generator's rows go before those.
   */
  clear?(ctx: GeneratorContext): Promise<void>;
  /** Writes the rows; returns a one-line summary of what it wrote. */
  run(ctx: GeneratorContext): Promise<string>;
}
