import createClient, { type Middleware } from 'openapi-fetch';
import { i18n } from '../i18n';
import { ApiError } from './problem';
import type { paths } from './schema';

/** Problem titles come back in the language the visitor reads the cabinet in. */
const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(acceptLanguage);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns an openapi-fetch result into its data, or throws an {@link ApiError} for TanStack Query. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || error !== undefined) throw new ApiError(response.status, error);
  return data as T;
}

/** The JSON body of an OpenAPI response or request, e.g. `Json<paths['/api/v1/account']['get']['responses'][200]>`. */
export type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
