import { expect, test, type Page } from '@playwright/test';

const entryPoints = [
  { ru: 'Войти', en: 'Sign in', href: '/login' },
  { ru: 'Регистрация', en: 'Sign up', href: '/register' },
  { ru: 'Юр. лицам', en: 'For businesses', href: '/business' },
] as const;

interface PublicSettings {
  name: string;
  logoUrl: string | null;
  supportPhones: string[];
  supportEmail: string | null;
  supportHours: string | null;
  timeZone: string;
}

function chooseLanguage(page: Page, switchLabel: string, short: 'RU' | 'EN') {
  return page.getByRole('radiogroup', { name: switchLabel }).getByText(short, { exact: true }).click();
}

test.describe('home page', () => {
  test('greets a signed-out visitor in Russian with three entry points', async ({ page }) => {
    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Личный кабинет' })).toBeVisible();
    for (const entry of entryPoints) {
      await expect(main.getByRole('link', { name: entry.ru, exact: true })).toHaveAttribute('href', entry.href);
    }

    await main.getByRole('link', { name: 'Юр. лицам', exact: true }).click();
    await expect(page).toHaveURL('/business');
    await expect(main.getByRole('heading', { level: 1, name: 'Кабинет для юридических лиц' })).toBeVisible();
    await expect(main.getByText('Регистрация в кабинете для юр. лиц')).toBeVisible();
  });

  test('switches to English and back, and remembers the choice across a reload', async ({ page }) => {
    await page.goto('/');
    const main = page.getByRole('main');

    await chooseLanguage(page, 'Язык', 'EN');
    await expect(main.getByRole('heading', { level: 1, name: 'Customer account' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    for (const entry of entryPoints) {
      await expect(main.getByRole('link', { name: entry.en, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

    await page.reload();
    await expect(main.getByRole('heading', { level: 1, name: 'Customer account' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

    await chooseLanguage(page, 'Language', 'RU');
    await expect(main.getByRole('heading', { level: 1, name: 'Личный кабинет' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

    await page.reload();
    await expect(main.getByRole('heading', { level: 1, name: 'Личный кабинет' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Русский' })).toBeChecked();
  });

  test('shows a page-not-found message for an unknown address', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('hides the navigation behind the burger and opens it in a drawer', async ({ page }) => {
    await page.goto('/');

    await expect(page.getByRole('navigation', { name: 'Основная навигация' })).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole('banner').getByRole('button', { name: 'Открыть меню' }).click();
    const drawer = page.getByRole('dialog', { name: 'Меню' });
    const nav = drawer.getByRole('navigation', { name: 'Основная навигация' });
    for (const entry of entryPoints) {
      await expect(nav.getByRole('link', { name: entry.ru, exact: true })).toBeVisible();
    }

    await nav.getByRole('link', { name: 'Войти', exact: true }).click();
    await expect(page).toHaveURL('/login');
    await expect(drawer).toBeHidden();
  });
});

test.describe('provider settings', () => {
  test('the header and footer show what the server says about the provider', async ({ page, request }) => {
    const response = await request.get('/api/v1/settings/public');
    expect(response.ok()).toBe(true);
    const settings = (await response.json()) as PublicSettings;

    // The e2e server runs `kabinet demo` first, so there are real contacts to show.
    expect(settings.supportPhones).toContain('8 800 100-00-00');

    await page.goto('/');
    await expect(page.getByRole('banner').getByText(settings.name, { exact: true })).toBeVisible();
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: '8 800 100-00-00' })).toHaveAttribute('href', 'tel:88001000000');
    await expectFooterContacts(page, settings);
  });

  test('a failed settings request shows the problem title from the server', async ({ page }) => {
    await page.route('**/api/v1/settings/public', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Сервис временно недоступен',
          status: 503,
          code: 'service_unavailable',
        }),
      }),
    );

    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Не удалось загрузить данные поставщика', { timeout: 15_000 });
    await expect(alert).toContainText('Сервис временно недоступен');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Личный кабинет' })).toBeVisible();
  });
});

async function expectFooterContacts(page: Page, settings: PublicSettings) {
  const footer = page.getByRole('contentinfo');
  for (const phone of settings.supportPhones) {
    await expect(footer.getByRole('link', { name: phone, exact: true })).toHaveAttribute(
      'href',
      `tel:${phone.replace(/[^\d+]/g, '')}`,
    );
  }
  if (settings.supportEmail) {
    await expect(footer.getByRole('link', { name: settings.supportEmail })).toHaveAttribute(
      'href',
      `mailto:${settings.supportEmail}`,
    );
  }
  if (settings.supportHours) await expect(footer.getByText(settings.supportHours)).toBeVisible();
}
