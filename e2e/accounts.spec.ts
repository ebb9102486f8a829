import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { fillRegistration, signInStaffFirstTime, uniqueEmail } from './support/accounts.ts';

/** Created with a password by `kabinet admin create --role moderator --password-stdin` in playwright.config.ts. */
const moderator = { email: 'accounts.moderator@kabinet.test', name: 'Антон Подключающий', password: 'абонент интернета подключён' };

/** The internet subscriber `kabinet demo` loads (src/demo.ts): plan «Домашний 100», the last two months unpaid. */
const petrov = { code: '5001', contract: 'И-2024/5001', name: 'Петров Пётр Сергеевич', account: 'ЛС-105001', debt: '−1 100,00 ₽' };

/** Money as the cabinet shows it in Russian: «1 500,00 ₽» with narrow no-break spaces. */
const money = (text: string) => new RegExp(text.replace(/[ \u00a0\u202f]/g, '[\\s\u00a0\u202f]').replace('−', '[−-]'));

test('a subscriber in debt takes a promised payment, pays online, changes the plan, orders a service and downloads an invoice', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const main = page.getByRole('main');
  const user = { name: 'Пётр Петров', email: uniqueEmail('petrov') };

  await test.step('the subscriber registers by the code from the contract', async () => {
    await page.goto('/business/subscriber');
    await main.getByLabel('Код абонента').fill(petrov.code);
    await main.getByRole('button', { name: 'Проверить' }).click();
    await main.getByRole('textbox', { name: 'Номер договора' }).fill(petrov.contract);
    await main.getByRole('button', { name: 'Подтвердить' }).click();
    await main.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await fillRegistration(page, user.name, user.email);
    await expect(main.getByRole('heading', { level: 1, name: 'Вы зарегистрировались' })).toBeVisible();
  });

  await test.step('staff activate the subscriber', async () => {
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInStaffFirstTime(staff, moderator);
    await staff.goto('/backoffice/activations');
    const row = staff.getByRole('main').getByRole('row', { name: `Код ${petrov.code} — ${petrov.name}` });
    await row.getByRole('checkbox').check();
    await staff.getByRole('main').getByRole('button', { name: 'Документы получены' }).click();
    await expect(staff.getByRole('main').getByRole('status').filter({ hasText: 'Активировано: 1. Не удалось: 0.' })).toBeVisible();
    await staffContext.close();
  });

  await test.step('«Лицевые счета»: the account is in debt and blocked', async () => {
    await page.goto('/cabinet');
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Лицевые счета' }).click();
    await expect(page).toHaveURL('/accounts');
    await expect(main.getByTestId('account-balance')).toHaveText(money(petrov.debt));
    await expect(main.getByTestId('account-status')).toHaveText('Заблокирован');
    await main.getByRole('link', { name: 'Открыть' }).click();
    await expect(main.getByRole('heading', { level: 1, name: `Лицевой счёт № ${petrov.account}` })).toBeVisible();
    await expect(main.getByText('Баланс ниже порога блокировки: услуги приостановлены до пополнения.')).toBeVisible();
  });

  await test.step('«Обещанный платёж» lifts the block at once', async () => {
    await main.getByRole('button', { name: 'Обещанный платёж' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(money('1 100,00 ₽')).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Взять обещанный платёж' }).click();
    await expect(dialog.getByText(/^Обещанный платёж 1[\s\u00a0\u202f]100,00[\s\u00a0\u202f]₽ зачислен, действует до \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await expect(main.getByTestId('account-balance')).toHaveText(money('0,00 ₽'));
    await expect(main.getByTestId('account-status')).toHaveText('Действует');
  });

  await test.step('«Оплатить» through the test gateway: the payment arrives and the balance grows', async () => {
    await main.getByRole('button', { name: 'Оплатить' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Сумма, ₽').fill('1500');
    await dialog.getByRole('button', { name: 'Перейти к оплате' }).click();
    await expect(page).toHaveURL(/\/pay\/test\//);
    await expect(page.getByTestId('test-gateway-amount')).toHaveText(money('1 500,00 ₽'));
    await page.getByRole('button', { name: 'Оплатить' }).click();
    await expect(page).toHaveURL(/\/accounts\/[^/]+\?payment=/);
    await expect(page.getByTestId('payment-notice')).toContainText('Платёж принят');
    await expect(main.getByTestId('account-balance')).toHaveText(money('1 500,00 ₽'));
  });

  await test.step('«История» lists the payment and the promised payment, and the balance follows', async () => {
    await main.getByRole('tab', { name: 'История' }).click();
    const entries = main.getByTestId('ledger-entry');
    await expect(entries.filter({ hasText: money('1 500,00 ₽') }).first()).toBeVisible();
    await expect(entries.filter({ hasText: 'Обещанный платёж' }).first()).toBeVisible();
    await expect(main.getByTestId('statement-closing')).toHaveText(money('1 500,00 ₽'));
  });

  await test.step('«Тариф»: «Домашний 300» from next month, the rules shown before confirming', async () => {
    await main.getByRole('tab', { name: 'Тариф' }).click();
    const offer = main.getByTestId('plan-offer-home-300');
    await offer.getByRole('button', { name: 'Перейти' }).click();
    const dialog = page.getByRole('dialog', { name: 'Переход на тариф «Домашний 300»' });
    await expect(dialog.getByText(/Тариф начнёт действовать с первого дня следующего расчётного периода/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Перейти на тариф' }).click();
    await expect(main.getByText(/Запланирован переход на тариф «Домашний 300» с \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  });

  await test.step('«Услуги»: the antivirus is ordered and charged for the rest of the month', async () => {
    await main.getByRole('tab', { name: 'Услуги' }).click();
    const service = main.getByTestId('service-offer-antivirus');
    await service.getByRole('button', { name: 'Подключить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Подключить услугу «Антивирус»?' });
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await expect(main.getByTestId('service-active-antivirus').getByRole('button', { name: 'Отключить' })).toBeVisible();
    await expect(main.getByTestId('account-balance')).not.toHaveText(money('1 500,00 ₽'));
  });

  await test.step('«Платежи»: the payment is there, and «Счёт на оплату» downloads as a PDF with the payment QR code', async () => {
    await main.getByRole('tab', { name: 'Платежи' }).click();
    await expect(main.getByTestId('payment-row').first()).toContainText('Принят');
    await main.getByRole('button', { name: 'Выставить счёт' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Сумма, ₽').fill('550');
    await dialog.getByRole('button', { name: 'Выставить' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Скачать PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Счёт .+\.pdf$/);
    const file = await download.path();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Счёт на оплату');
    expect(text).toContain(petrov.account);
    expect(text).toContain('550,00');
    // The GOST R 56042 QR code is the PDF's one picture.
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('invoice-link')).toHaveValue(/\/pay\/i\/[\w-]{20,}$/);
    const link = await page.getByTestId('invoice-link').inputValue();

    // The link works for anyone, signed out, and shows the invoice and nothing else.
    const stranger = await browser.newContext();
    const payer = await stranger.newPage();
    await payer.goto(link);
    await expect(payer.getByTestId('public-invoice-amount')).toHaveText(money('550,00 ₽'));
    await expect(payer.getByText(petrov.name)).toHaveCount(0);
    await stranger.close();
  });
});
