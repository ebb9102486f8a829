import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CUSTOMER_PASSWORD, fillRegistration, registerCustomer, signInStaffFirstTime, submitSignIn, uniqueEmail } from './support/accounts.ts';
import { waitForMail } from './support/messages.ts';

/** Created with a password by `kabinet admin create --role moderator --password-stdin` in playwright.config.ts. */
const moderator = { email: 'activations.moderator@kabinet.test', name: 'Ирина Активатор', password: 'подписанные документы получены' };

/** The subscribers `kabinet demo` loads (src/demo.ts). */
const vector = { code: '4217', contract: 'Д-2019/4217', name: 'ООО «Вектор»' };
const smirnova = { code: '4218', inn: '631912345610', name: 'ИП Смирнова Ольга Петровна' };

/** The text of a downloaded PDF, as poppler reads it. */
async function downloadText(page: Page, button: Locator): Promise<{ text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await download.path();
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '), path };
}

test('a company registers by subscriber code, prints the two papers and is activated when staff receive them', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const main = page.getByRole('main');
  const head = { name: 'Виктор Векторов', email: uniqueEmail('viktor') };
  let agreementPath = '';

  await test.step('«Юридическое лицо» → «Зарегистрируйтесь»: the code is checked', async () => {
    await page.goto('/login');
    await main.getByRole('link', { name: 'Зарегистрируйтесь по коду абонента' }).click();
    await expect(page).toHaveURL('/business/subscriber');
    await expect(main.getByRole('heading', { level: 1, name: 'Регистрация по коду абонента' })).toBeVisible();

    await main.getByLabel('Код абонента').fill('99999');
    await main.getByRole('button', { name: 'Проверить' }).click();
    await expect(main.getByText('Абонент с таким кодом не найден. Проверьте код в договоре или в платёжном документе.')).toBeVisible();

    await main.getByLabel('Код абонента').fill(vector.code);
    await main.getByRole('button', { name: 'Проверить' }).click();
    await expect(main.getByText('Подтвердите, что это именно Вы', { exact: true })).toBeVisible();
    await expect(main.getByText(`Абонент с кодом ${vector.code} найден.`)).toBeVisible();
    // Nothing about the subscriber is told before the proof.
    await expect(main.getByText(vector.name)).toHaveCount(0);
  });

  await test.step('«Подтвердить, что это именно Вы» with the contract number', async () => {
    await main.getByRole('textbox', { name: 'Номер договора' }).fill('Д-2019/0000');
    await main.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(main.getByText('Номер договора не совпадает. Осталось попыток: 4.')).toBeVisible();
    // Typed as people do: lower case, spaces around the dash.
    await main.getByRole('textbox', { name: 'Номер договора' }).fill('д - 2019/4217');
    await main.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(main.getByText('Пройдите регистрацию на сервисе', { exact: true })).toBeVisible();
  });

  await test.step('register on the service and come back: «Вы зарегистрировались»', async () => {
    await main.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await expect(page).toHaveURL('/register?next=%2Fbusiness%2Fsubscriber');
    await fillRegistration(page, head.name, head.email);
    await expect(page).toHaveURL('/business/subscriber');
    await expect(main.getByRole('heading', { level: 1, name: 'Вы зарегистрировались' })).toBeVisible();
    await expect(main.getByText('ВНИМАНИЕ! ВАЖНО:')).toBeVisible();
    await expect(main.getByText('необходимо распечатать два документа: «Соглашение о расчетах» и «Заявка на доступ»', { exact: false })).toBeVisible();
    await expect(main.getByText('С подписанными документами обратитесь для активации сервиса в ООО «Демосервис».')).toBeVisible();
    await waitForMail(head.email, 'Вы зарегистрировались: распечатайте два документа');
  });

  await test.step('print the two papers: real PDFs with the customer’s data', async () => {
    const agreement = await downloadText(page, main.getByRole('link', { name: 'Скачать «Соглашение о расчетах»' }));
    expect(agreement.text).toContain('СОГЛАШЕНИЕ О РАСЧЕТАХ');
    expect(agreement.text).toContain(vector.name);
    expect(agreement.text).toContain(`№ ${vector.contract}`);
    agreementPath = agreement.path;
    const request = await downloadText(page, main.getByRole('link', { name: 'Скачать «Заявка на доступ»' }));
    expect(request.text).toContain('ЗАЯВКА НА ДОСТУП');
    expect(request.text).toContain(head.name);
    expect(request.text).toContain(head.email);
  });

  await test.step('the cabinet waits for activation and offers the papers again', async () => {
    await main.getByRole('link', { name: 'Войти в кабинет' }).click();
    await expect(page).toHaveURL('/cabinet');
    const waiting = main.getByRole('status').filter({ hasText: `${vector.name}: ожидает активации` });
    await expect(waiting).toBeVisible();
    await expect(waiting.getByText(`Код абонента ${vector.code}.`, { exact: false })).toBeVisible();
    await expect(waiting.getByRole('link', { name: 'Скачать «Соглашение о расчетах»' })).toBeVisible();
    await expect(waiting.getByRole('link', { name: 'Скачать «Заявка на доступ»' })).toBeVisible();
  });

  // A second subscriber, who already has an account, confirms with the INN and signs in on the way.
  const smirnovaContext = await browser.newContext();
  const other = await smirnovaContext.newPage();
  const otherMain = other.getByRole('main');
  const proprietor = { name: 'Ольга Смирнова', email: uniqueEmail('olga') };
  await test.step('a person with an account confirms another code with the INN and signs in to finish', async () => {
    await registerCustomer(other, proprietor.name, proprietor.email);
    await smirnovaContext.clearCookies();

    await other.goto('/business');
    await otherMain.getByRole('link', { name: 'Зарегистрируйтесь по коду абонента' }).click();
    await otherMain.getByLabel('Код абонента').fill(smirnova.code);
    await otherMain.getByRole('button', { name: 'Проверить' }).click();
    // The segments are labels over visually hidden radios.
    await otherMain.getByText('ИНН', { exact: true }).click();
    await expect(otherMain.getByRole('radio', { name: 'ИНН' })).toBeChecked();
    await otherMain.getByRole('textbox', { name: 'ИНН' }).fill(smirnova.inn);
    await otherMain.getByRole('button', { name: 'Подтвердить' }).click();
    await otherMain.getByRole('link', { name: 'У меня есть учётная запись — войти' }).click();
    await expect(other).toHaveURL('/login?next=%2Fbusiness%2Fsubscriber');
    await submitSignIn(other, proprietor.email, CUSTOMER_PASSWORD);
    await expect(other).toHaveURL('/business/subscriber');
    await expect(otherMain.getByRole('heading', { level: 1, name: 'Вы зарегистрировались' })).toBeVisible();
  });

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const staffMain = staff.getByRole('main');
  await test.step('the moderator finds the registration in «Активация» and marks the papers received with the scan', async () => {
    await signInStaffFirstTime(staff, moderator);
    await staff.goto('/backoffice/activations');
    await expect(staffMain.getByRole('tab', { name: /Активация/ })).toHaveAttribute('aria-selected', 'true');
    await expect(staffMain.getByRole('radio', { name: /Ожидают документов \(\d+\)/ })).toBeChecked();
    const row = staffMain.getByRole('row', { name: `Код ${vector.code} — ${vector.name}` });
    await expect(row).toContainText(head.email);

    // The search finds it by the code.
    await staffMain.getByRole('searchbox', { name: 'Поиск' }).fill(vector.code);
    await staffMain.getByRole('button', { name: 'Найти' }).click();
    await expect(staff).toHaveURL(`/backoffice/activations?q=${vector.code}`);
    await expect(staffMain.getByRole('row')).toHaveCount(2);

    await row.getByRole('button', { name: 'Открыть' }).click();
    const drawer = staff.getByRole('dialog', { name: 'Регистрация по коду абонента' });
    await expect(drawer.getByText(`Договор № ${vector.contract}`)).toBeVisible();
    await expect(drawer.getByText('Зарегистрировался по коду абонента')).toBeVisible();
    await drawer.locator('input[type="file"]').setInputFiles({ name: 'соглашение-4217.pdf', mimeType: 'application/pdf', buffer: readFileSync(agreementPath) });
    await drawer.getByRole('button', { name: 'Документы получены' }).click();
    await expect(drawer.getByText('Документы получены, кабинет активирован')).toBeVisible();
    await expect(drawer.getByText(moderator.name, { exact: false })).toBeVisible();
    await expect(drawer.getByRole('link', { name: /Скан: соглашение-4217\.pdf/ })).toBeVisible();
    await staff.keyboard.press('Escape');
  });

  await test.step('the other registration is activated from the list with «Документы получены»', async () => {
    await staff.goto('/backoffice/activations');
    const row = staffMain.getByRole('row', { name: `Код ${smirnova.code} — ${smirnova.name}` });
    await row.getByRole('checkbox').check();
    await expect(staffMain.getByText('Выбрано: 1')).toBeVisible();
    await staffMain.getByRole('button', { name: 'Документы получены' }).click();
    await expect(staffMain.getByRole('status').filter({ hasText: 'Активировано: 1. Не удалось: 0.' })).toBeVisible();
    await expect(row).toHaveCount(0);
    await staffMain.getByText(/^Активированы \(\d+\)$/).click();
    await expect(staff).toHaveURL('/backoffice/activations?status=activated');
    await expect(staffMain.getByRole('row', { name: `Код ${smirnova.code} — ${smirnova.name}` })).toBeVisible();
    await expect(staffMain.getByRole('row', { name: `Код ${vector.code} — ${vector.name}` })).toContainText('Есть скан');
  });

  await test.step('the head is told «Личный кабинет активирован» and the cabinet no longer waits', async () => {
    const mail = await waitForMail(head.email, 'Личный кабинет активирован');
    expect(mail.text).toContain(vector.name);
    await page.reload();
    await expect(main.getByRole('heading', { level: 1, name: `Здравствуйте, ${head.name}!` })).toBeVisible();
    await expect(main.getByText(`${vector.name}: ожидает активации`)).toHaveCount(0);
    await waitForMail(proprietor.email, 'Личный кабинет активирован');
  });

  await staffContext.close();
  await smirnovaContext.close();
});
