import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../../config.ts';

describe('loadConfig: the company registry', () => {
  it('has none by default: the local registry table answers', () => {
    expect(loadConfig({}).registry).toBeUndefined();
  });

  it('reads the DaData-compatible URL, the token and a short timeout', () => {
    const { registry } = loadConfig({ REGISTRY_URL: 'https://suggestions.dadata.ru/suggestions/api/4_1/rs', REGISTRY_TOKEN: 'secret' });
    expect(registry).toEqual({ url: new URL('https://suggestions.dadata.ru/suggestions/api/4_1/rs'), token: 'secret', timeoutMs: 3000 });
    expect(loadConfig({ REGISTRY_URL: 'http://127.0.0.1:9000/rs', REGISTRY_TIMEOUT_MS: '500' }).registry).toMatchObject({ token: undefined, timeoutMs: 500 });
  });

  it('refuses a bad URL, a token without a URL and a timeout out of range, naming the variable', () => {
    for (const [env, variable] of [
      [{ REGISTRY_URL: 'ftp://registry.example' }, 'REGISTRY_URL'],
      [{ REGISTRY_TOKEN: 'secret' }, 'REGISTRY_URL'],
      [{ REGISTRY_URL: 'https://registry.example', REGISTRY_TIMEOUT_MS: '10' }, 'REGISTRY_TIMEOUT_MS'],
    ] as const) {
      expect(() => loadConfig(env), variable).toThrow(ConfigError);
      try {
        loadConfig(env);
      } catch (error) {
        expect((error as ConfigError).variable).toBe(variable);
        expect((error as Error).message).not.toContain('secret');
      }
    }
  });
});
