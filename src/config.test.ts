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
    ['SMS_GATEWAY_URL', 'sms.ru/sms/send', 'an http:// or https:// URL'],
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

  it('reads an SMS.ru-style gateway', () => {
    const { smsGateway } = loadConfig({
      SMS_GATEWAY_URL: 'https://sms.ru/sms/send',
      SMS_GATEWAY_AUTH: 'param:api_id=A1B2=C3',
      SMS_GATEWAY_PARAMS: 'json=1&from=Kabinet',
      SMS_GATEWAY_ID_PATH: 'sms.*.sms_id',
      SMS_GATEWAY_OK_PATH: 'status',
      SMS_GATEWAY_OK_VALUE: 'OK',
    });
    expect(smsGateway).toEqual({
      url: new URL('https://sms.ru/sms/send'),
      method: 'POST',
      auth: { kind: 'param', name: 'api_id', value: 'A1B2=C3' },
      params: [
        ['json', '1'],
        ['from', 'Kabinet'],
      ],
      toParam: 'to',
      textParam: 'msg',
      idPath: ['sms', '*', 'sms_id'],
      ok: { path: ['status'], value: 'OK' },
    });
    expect(loadConfig({}).smsGateway).toBeUndefined();
  });

  it.each([
    [{ SMS_GATEWAY_AUTH: 'bearer:x' }, 'SMS_GATEWAY_URL', 'set when SMS_GATEWAY_AUTH is set'],
    [{ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_METHOD: 'PUT' }, 'SMS_GATEWAY_METHOD', 'one of GET, POST'],
    [{ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_AUTH: 'token-without-kind' }, 'SMS_GATEWAY_AUTH', 'param:<name>=<value>'],
    [{ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_AUTH: 'basic:user-only' }, 'SMS_GATEWAY_AUTH', 'basic:<user>:<password>'],
    [{ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_PARAMS: 'json=1&from' }, 'SMS_GATEWAY_PARAMS', 'name=value pairs'],
    [{ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_ID_PATH: 'sms..sms_id' }, 'SMS_GATEWAY_ID_PATH', 'a dotted path'],
    [{ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_OK_PATH: 'status' }, 'SMS_GATEWAY_OK_VALUE', 'set together'],
  ])('rejects the SMS gateway settings %j naming %s', (env, variable, expected) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(expected);
  });

  it('never echoes the SMS gateway credentials in its error', () => {
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'https://sms.ru/sms/send', SMS_GATEWAY_AUTH: 'secret-token' })).toThrow(
      /SMS_GATEWAY_AUTH must be .*; got "…"$/,
    );
  });
});
