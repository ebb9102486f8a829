import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runKabinetCommand } from '../../../test/support/process.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { hashApiToken } from './tokens.ts';

// A fresh embedded data directory runs initdb first (several seconds).
vi.setConfig({ testTimeout: 180_000 });

describe('kabinet admin token create', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-token-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { KABINET_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: undefined, LOG_LEVEL: 'warn' };
  const kabinet = (args: string[]) => runKabinetCommand(args, env);

  it('prints the token once on stdout and keeps only its hash; refuses unknown scopes and bad usage', async () => {
    const created = await kabinet(['admin', 'token', 'create', '--name', '1С биллинг', '--scope', 'ledger:write,usage:write', '--scope', 'accounts:read']);
    expect(created.code, created.output).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^kbt_[A-Za-z0-9_-]{43}$/);
    expect(created.output).toContain('Created API token "1С биллинг"');

    const refused = await kabinet(['admin', 'token', 'create', '--name', 'x', '--scope', 'root']);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain('Unknown scopes: root');
    expect(refused.stdout).toBe('');
    const usage = await kabinet(['admin', 'token', 'create', '--name', 'x']);
    expect(usage.code).toBe(2);

    const database = await openDatabase({ dataDir: env.KABINET_DATA_DIR });
    try {
      const rows = await database.db.selectFrom('integration_api_token').select(['name', 'scopes', 'token_hash', 'created_by']).execute();
      expect(rows).toEqual([{ name: '1С биллинг', scopes: ['ledger:write', 'usage:write', 'accounts:read'], token_hash: hashApiToken(token), created_by: null }]);
    } finally {
      await database.close();
    }
  });
});
