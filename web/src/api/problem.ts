/** RFC 9457 problem details, as every API error is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
}

export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** An API answer that was not a success: `problem` is absent when the body was not problem+json. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${problem.code}: ${problem.title}` : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.code === 'string'
  );
}

/** The code of a failed API answer, when the server said one. */
export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.problem?.code : undefined;
}

/** Seconds to wait, from a 429 answer's `retryAfter` extension. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || !error.problem) return undefined;
  const value = (error.problem as unknown as Record<string, unknown>).retryAfter;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Per-field messages of a validation problem, keyed by the field name the server used. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {};
  const byField: Record<string, string> = {};
  for (const item of error.problem.errors) byField[item.field] ??= item.message;
  return byField;
}
