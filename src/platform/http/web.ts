import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError, sendProblem } from './errors.ts';

const API_PATH = /^\/(api|healthz|readyz|metrics)(\/|$|\?)/;

/**
 * Serves the built React app (`npm run build`) with a fallback to index.html for client routes.
 * Without a build (development) the Vite dev server serves the UI and proxies the API here.
 */
export async function registerWebApp(app: FastifyInstance, options: { distDir: string }) {
  const hasBuild = fs.existsSync(path.join(options.distDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      // Vite fingerprints asset names, so they never change under the same URL.
      setHeaders(res, filePath) {
        const fingerprinted = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !API_PATH.test(request.url);
    if (hasBuild && wantsPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('route_not_found', 404));
  });
}
