import { describe, expect, it } from 'vitest';
import { valueAt } from './gateway.ts';

describe('valueAt', () => {
  const smsRu = { status: 'OK', status_code: 100, sms: { '79161234567': { status: 'OK', sms_id: '000000-10000000' } } };

  it('follows dotted keys, with * as the first value of an object', () => {
    expect(valueAt(smsRu, ['sms', '*', 'sms_id'])).toBe('000000-10000000');
    expect(valueAt(smsRu, ['status_code'])).toBe(100);
    expect(valueAt({ messages: [{ id: 7 }] }, ['messages', '0', 'id'])).toBe(7);
  });

  it('is undefined where the path leads nowhere', () => {
    expect(valueAt(smsRu, ['sms', '*', 'missing'])).toBeUndefined();
    expect(valueAt({ sms: {} }, ['sms', '*', 'sms_id'])).toBeUndefined();
    expect(valueAt('OK', ['status'])).toBeUndefined();
  });
});
