import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BusyError, WeakPasswordError } from './errors.ts';
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from './password.ts';

describe('hashPassword', () => {
  it('runs at most one hash per core but one, with 64 waiting; a flood beyond that is refused, not queued without bound', async () => {
    const running = Math.max(1, availableParallelism() - 1);
    const outcomes = await Promise.allSettled(Array.from({ length: 80 }, (_, i) => hashPassword(`пароль номер ${i}`)));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(running + 64);
    expect(refused).toHaveLength(80 - running - 64);
    for (const o of refused) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(BusyError);
    // Capacity comes back once the flood has drained.
    expect(await verifyPassword(await hashPassword('после наплыва'), 'после наплыва')).toBe(true);
  });

  it('hashes with argon2id at the current parameters', async () => {
    const hashed = await hashPassword('достаточно длинный');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hashed)).toBe(false);
  });
});

describe('checkPasswordPolicy', () => {
  it.each([
    ['8 characters', 'абвгдеёж', undefined],
    ['no composition rules', 'всемаленькиебуквы', undefined],
    ['7 characters', 'абвгдеё', 'password_too_short'],
    ['7 characters with an emoji pair counted once each', '🙂🙂🙂🙂🙂🙂🙂', 'password_too_short'],
    ['a common one', 'Password1', 'password_too_common'],
    ['257 characters', 'я'.repeat(257), 'password_too_long'],
  ])('%s', (_label, password, code) => {
    if (!code) {
      expect(() => checkPasswordPolicy(password)).not.toThrow();
      return;
    }
    try {
      checkPasswordPolicy(password);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WeakPasswordError);
      expect((error as WeakPasswordError).options.errors?.[0]?.code).toBe(code);
    }
  });
});
