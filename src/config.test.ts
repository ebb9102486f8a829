import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on 127.0.0.1:3000 in Moscow time', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.timeZone).toBe('Europe/Moscow');
    expect(config.publicUrl.href).toBe('http://127.0.0.1:3000/');
  });

  it.each([
    ['PORT', 'abc', 'a whole number from 0 to 65535'],
    ['PORT', '70000', 'a whole number from 0 to 65535'],
    ['DATABASE_URL', 'mysql://x', 'a postgres:// or postgresql:// URL'],
    ['TIME_ZONE', 'Mars/Olympus', 'an IANA time zone'],
    ['LOG_LEVEL', 'loud', 'one of fatal'],
    ['PUBLIC_URL', 'ftp://x', 'an http:// or https:// URL'],
    ['SMTP_URL', 'mail.example.ru', 'an smtp:// or smtps:// URL'],
  ])('names %s and what it expects when its value %j is wrong', (variable, value, expected) => {
    let caught: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(variable);
    expect((caught as ConfigError).message).toContain(expected);
  });
});
