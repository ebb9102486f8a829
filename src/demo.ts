import { setProviderProfile } from './modules/settings/index.ts';
import type { Db } from './platform/db/database.ts';

/**
 * A demo provider so a newcomer sees a living cabinet. Safe to run again: each step overwrites or
 * skips what is already there. Later modules add their own demo data here.
 */
export async function fillDemo(db: Db, options: { timeZone: string; now: Date }) {
  await db.transaction().execute(async (trx) => {
    await setProviderProfile(
      { db: trx, now: options.now, timeZone: options.timeZone },
      {
        name: 'ООО «Демосервис»',
        logoUrl: null,
        supportPhones: ['8 800 100-00-00', '8 495 100-00-00'],
        supportEmail: 'support@demoservice.example',
        supportHours: 'Пн–Пт с 8:00 до 16:00 мск',
      },
    );
  });
}
