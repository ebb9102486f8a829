import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CrossOriginRequestError extends AppError {
  constructor() {
    super('cross_origin_request', 403, {
      title: { ru: 'Запрос отклонён: он отправлен с чужого сайта.', en: 'Request refused: it came from another site.' },
    });
  }
}

/**
 * CSRF defence for cookie sessions: a state-changing request must come from our own origin.
 * Browsers send Sec-Fetch-Site and Origin on such requests; integrations authenticate with a bearer
 * token, which a foreign page cannot attach, so they are not checked here.
 */
export function registerOriginCheck(app: FastifyInstance, options: { publicOrigin: string }) {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ') && !request.headers.cookie) return;
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new CrossOriginRequestError();
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== options.publicOrigin) throw new CrossOriginRequestError();
  });
}
