import type { Generator } from './generator.ts';

/** The provider profile: one row, overwritten. */
export const settings: Generator = {
  module: 'settings',
  async run({ db, random }) {
    const phone = () => `8 ${random.pick(['800', '495', '812'])} ${random.int(100, 999)}-${random.int(10, 99)}-${random.int(10, 99)}`;
    await db
      .updateTable('provider_profile')
      .set({
        name: `ООО «Нагрузка-${random.int(1, 999)}»`,
        logo_url: null,
        support_phones: [phone(), phone()],
        support_email: 'support@load.example',
        support_hours: 'Пн–Пт с 8:00 до 20:00 мск',
        updated_at: new Date(),
      })
      .execute();
    return 'provider profile set';
  },
};
