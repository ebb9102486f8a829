import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { PublicSettingsResponse } from './schemas.ts';
import { getPublicSettings } from './service.ts';

export const settingsRoutes: FastifyPluginAsyncTypebox<{ db: Db; timeZone: string }> = async (app, { db, timeZone }) => {
  app.get(
    '/settings/public',
    {
      schema: {
        operationId: 'getPublicSettings',
        tags: ['settings'],
        summary: "The provider's name, logo and support contacts",
        response: { 200: PublicSettingsResponse },
      },
    },
    async () => getPublicSettings({ db, now: new Date(), timeZone }),
  );
};
