export interface SmsGateway {
  /** Resolves with the gateway's id for the message; rejects when the gateway did not accept it. */
  send(to: string, text: string, idempotencyKey: string): Promise<{ providerId: string }>;
}

export type SmsGatewayAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'param'; name: string; value: string };

/** An HTTP gateway in the shape of SMS.ru, SMSC.ru or SMS Aero: form or query parameters in, JSON out. */
export interface HttpSmsGatewayOptions {
  url: URL;
  method: 'GET' | 'POST';
  auth: SmsGatewayAuth;
  /** Fixed parameters sent with every message (`json=1`, `from=Kabinet`). */
  params: Array<[string, string]>;
  toParam: string;
  textParam: string;
  /** Where the message id sits in the JSON answer; `*` stands for the first value of an object. */
  idPath: string[];
  /** When set, the answer counts as accepted only if the value at `path` equals `value`. */
  ok: { path: string[]; value: string } | undefined;
}

const TIMEOUT_MS = 10_000;

export function createHttpSmsGateway(options: HttpSmsGatewayOptions): SmsGateway {
  return {
    async send(to, text, idempotencyKey) {
      const params = new URLSearchParams(options.params);
      if (options.auth.kind === 'param') params.set(options.auth.name, options.auth.value);
      // The gateways we model take the number as bare digits: 79161234567, not +79161234567.
      params.set(options.toParam, to.replace(/^\+/, ''));
      params.set(options.textParam, text);

      const url = new URL(options.url);
      if (options.method === 'GET') for (const [name, value] of params) url.searchParams.append(name, value);
      const headers: Record<string, string> = { accept: 'application/json', 'idempotency-key': idempotencyKey };
      if (options.auth.kind === 'bearer') headers.authorization = `Bearer ${options.auth.token}`;
      if (options.auth.kind === 'basic') {
        headers.authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`;
      }

      let response: Response;
      let body: string;
      try {
        response = await fetch(url, {
          method: options.method,
          headers,
          ...(options.method === 'POST' ? { body: params } : {}),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        body = await response.text();
      } catch (error) {
        // Neither the URL (it may carry the key and the text) nor the text goes into the error.
        throw new Error(`SMS gateway ${options.url.host} did not answer: ${reason(error)}`, { cause: error });
      }
      // The error ends up in last_error and in the job's output: never let the text (a code) reach them.
      const excerpt = body.split(text).join('[text]').slice(0, 300);
      if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}: ${excerpt}`);
      let answer: unknown;
      try {
        answer = JSON.parse(body);
      } catch {
        throw new Error(`SMS gateway answered with something other than JSON: ${excerpt}`);
      }
      if (options.ok && String(valueAt(answer, options.ok.path)) !== options.ok.value) {
        throw new Error(`SMS gateway refused the message: ${excerpt}`);
      }
      const providerId = valueAt(answer, options.idPath);
      if (typeof providerId !== 'string' && typeof providerId !== 'number') {
        throw new Error(`SMS gateway answer has no message id at ${options.idPath.join('.')}: ${excerpt}`);
      }
      return { providerId: String(providerId) };
    },
  };
}

export function valueAt(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = key === '*' ? Object.values(current)[0] : (current as Record<string, unknown>)[key];
  }
  return current;
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
