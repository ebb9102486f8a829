import { accounts } from './accounts.ts';
import type { Generator } from './generator.ts';
import { identity } from './identity.ts';
import { parties } from './parties.ts';
import { settings } from './settings.ts';

/** Every module's generator, in dependency order (a generator may read rows of those before it). */
export const generators: Generator[] = [settings, identity, parties, accounts];
