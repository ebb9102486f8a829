import { useState } from 'react';

/**
 * One key per dialog, made when it opens: a second click or a retried request gets the first answer
 * instead of paying, charging or ordering twice. A new dialog is a new intent and gets a new key.
 */
export function useIdempotencyKey(): string {
  const [key] = useState(() => crypto.randomUUID());
  return key;
}

/** The request header the server keys its first answer by (src/platform/http/idempotency.ts). */
export function idempotencyHeader(key: string): Record<string, string> {
  return { 'Idempotency-Key': key };
}
