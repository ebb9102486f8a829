import type { Scenario } from '../support/scenario.ts';

export const settings: Scenario = {
  name: 'settings',
  description: 'GET /api/v1/settings/public: one read of the provider profile, against pgbench running that read',
  requests: [{ method: 'GET', path: '/api/v1/settings/public' }],
  reference: {
    pgbenchSql: 'select name, logo_url, support_phones, support_email, support_hours from provider_profile;\n',
  },
};
