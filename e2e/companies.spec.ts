import { expect, test, type Browser, type Page } from '@playwright/test';
import { validInn10 } from '../test/support/tax-ids.ts';
import { registerCustomer, signInStaffFirstTime, uniqueEmail } from './support/accounts.ts';
import { countMessages, waitForMail } from './support/messages.ts';
import { FAILING_PREFIX, makeOgrn, standInParty } from './support/registry.ts';

/** Created with a password by `kabinet admin create --role moderator --password-stdin` in playwright.config.ts. */
const moderator = { email: 'companies.moderator@kabinet.test', name: 'Пётр Проверяющий', password: 'очередь компаний на проверке' };

test.describe.configure({ mode: 'serial' });

// The moderator works in a browser of their own, signed in once for both scenarios: the first
// sign-in turns two-factor authentication on, as staff must.
let moderatorPage: Page | undefined;

async function signedInModerator(browser: Browser): Promise<Page> {
  if (moderatorPage) return moderatorPage;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaffFirstTime(page, moderator);
  moderatorPage = page;
  return page;
}

test.afterAll(async () => {
  await moderatorPage?.context().close();
});

/** Opens the companies queue from the back office's tabs. */
async function openQueue(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Бэк-офис' }).click();
  await page.getByRole('main').getByRole('tab', { name: /Компании/ }).click();
  await expect(page).toHaveURL('/backoffice/companies');
}

test('a company registered on «Юр. лицам» is filled in from the registry, approved by a moderator and becomes active', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const main = page.getByRole('main');
  const owner = { name: 'Сергей Мингалёв', email: uniqueEmail('sergey') };
  const inn = validInn10('63');
  const party = standInParty(inn);
  const companyName = party.name.full_with_opf;

  await test.step('a visitor is asked to sign in or register first', async () => {
    await page.goto('/business');
    await expect(main.getByRole('heading', { level: 1, name: 'Кабинет для юридических лиц' })).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Регистрация в кабинете для юр. лиц' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Войти' })).toHaveAttribute('href', '/login?next=%2Fbusiness');
    await expect(main.getByRole('link', { name: 'Регистрация' })).toBeVisible();
  });

  await test.step('the customer registers and opens «Юр. лицам»', async () => {
    await registerCustomer(page, owner.name, owner.email);
    await page.getByRole('banner').getByRole('link', { name: 'Юр. лицам' }).click();
    await expect(page).toHaveURL('/business');
    await expect(main.getByRole('heading', { level: 2, name: 'Регистрация компании' })).toBeVisible();
  });

  await test.step('typing the INN fills the form in from the registry', async () => {
    await expect(main.getByLabel('Юридическое лицо (ООО, АО и пр.)')).toBeChecked();
    await main.getByRole('textbox', { name: 'ИНН', exact: true }).fill(inn);
    await expect(main.getByText('Данные заполнены из реестра. Проверьте их и дополните.')).toBeVisible();
    await expect(main.getByLabel('Полное наименование')).toHaveValue(companyName);
    await expect(main.getByRole('textbox', { name: 'КПП', exact: true })).toHaveValue(party.kpp ?? '');
    await expect(main.getByRole('textbox', { name: 'ОГРН', exact: true })).toHaveValue(party.ogrn);
    await expect(main.getByLabel('Юридический адрес')).toHaveValue(party.address.value);
    await expect(main.getByLabel('Руководитель (ФИО)')).toHaveValue('Мингалёв Сергей Петрович');
    await expect(main.getByLabel('Должность руководителя')).toHaveValue('ГЕНЕРАЛЬНЫЙ ДИРЕКТОР');
  });

  await test.step('the user completes the rest and registers; the request is acknowledged by email', async () => {
    await main.getByLabel('Эл. почта компании').fill(`office.${owner.email}`);
    await main.getByLabel('Телефон компании').fill('+7 846 207-18-60');
    const before = await countMessages(owner.email);
    await main.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'Компания зарегистрирована' })).toBeVisible();
    await expect(main.getByText('Наш модератор проверит информацию об организации, одобрит учётную запись')).toBeVisible();
    const mail = await waitForMail(owner.email, 'Заявка на регистрацию компании принята', before);
    expect(mail.text).toContain(inn);
  });

  await test.step('the registrant sees the company pending', async () => {
    const card = main.getByRole('list', { name: 'Ваши компании' }).getByRole('listitem', { name: companyName });
    await expect(card.getByText('На модерации', { exact: true })).toBeVisible();
  });

  const staff = await signedInModerator(browser);
  const staffMain = staff.getByRole('main');
  await test.step('a moderator approves it in the back-office queue', async () => {
    await openQueue(staff);
    await expect(staffMain.getByRole('radio', { name: /На модерации \(\d+\)/ })).toBeChecked();
    await staffMain.getByLabel('ИНН или название').fill(inn);
    await staffMain.getByRole('button', { name: 'Найти' }).click();
    const row = staffMain.getByRole('table', { name: 'Компании' }).getByRole('row').filter({ hasText: companyName });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('Подтверждено реестром')).toBeVisible();
    await row.getByRole('checkbox', { name: `Выбрать ${companyName}` }).check();
    await staffMain.getByRole('button', { name: 'Одобрить выбранные (1)' }).click();
    await expect(staffMain.getByRole('status').filter({ hasText: 'Одобрено компаний: 1' })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  await test.step('the decision is on the company’s page', async () => {
    await staffMain.getByText(/^Активна \(\d+\)$/).click();
    await staffMain.getByRole('link', { name: companyName }).click();
    await expect(staffMain.getByRole('heading', { level: 2, name: companyName })).toBeVisible();
    const audit = staffMain.getByRole('table', { name: 'Журнал решений' });
    await expect(audit.getByRole('row').filter({ hasText: 'Одобрена' })).toContainText(moderator.name);
    await expect(audit.getByRole('row').filter({ hasText: 'Компания зарегистрирована' })).toContainText(owner.name);
    await expect(staffMain.getByRole('button', { name: 'Заблокировать' })).toBeVisible();
  });

  await test.step('the approval email arrives and the registrant sees the company active', async () => {
    const mail = await waitForMail(owner.email, 'Компания одобрена');
    expect(mail.text).toContain(companyName);
    await page.reload();
    const card = main.getByRole('list', { name: 'Ваши компании' }).getByRole('listitem', { name: companyName });
    await expect(card.getByText('Активна', { exact: true })).toBeVisible();
  });
});

test('with the registry down, the company is entered by hand and the moderator sees it is not confirmed', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const main = page.getByRole('main');
  const owner = { name: 'Ольга Вручную', email: uniqueEmail('olga') };
  // The stand-in answers HTTP 500 for INNs beginning 9901.
  const inn = validInn10(FAILING_PREFIX);
  const companyName = `ООО «Ручной ввод ${inn}»`;

  await test.step('the form falls back to manual entry', async () => {
    await registerCustomer(page, owner.name, owner.email);
    await page.goto('/business');
    await main.getByRole('textbox', { name: 'ИНН', exact: true }).fill(inn);
    await expect(main.getByText('Реестр сейчас недоступен. Заполните данные вручную — модератор сверит их.')).toBeVisible();
    await expect(main.getByLabel('Полное наименование')).toHaveValue('');
  });

  await test.step('check digits are checked field by field', async () => {
    const ogrn = makeOgrn(inn, 'legal_entity');
    await main.getByRole('textbox', { name: 'КПП', exact: true }).fill(`${inn.slice(0, 4)}01001`);
    await main.getByRole('textbox', { name: 'ОГРН', exact: true }).fill(`${ogrn.slice(0, 12)}${(Number(ogrn[12]) + 1) % 10}`);
    await main.getByLabel('Полное наименование').fill(companyName);
    await main.getByLabel('Юридический адрес').fill('443080, г Самара, ул Гагарина, д 124');
    await main.getByLabel('Руководитель (ФИО)').fill('Вручную Ольга Сергеевна');
    await main.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(main.getByText('Неверный ОГРН: не сходится контрольная цифра.')).toBeVisible();

    await main.getByRole('textbox', { name: 'ОГРН', exact: true }).fill(ogrn);
    await main.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'Компания зарегистрирована' })).toBeVisible();
  });

  const staff = await signedInModerator(browser);
  const staffMain = staff.getByRole('main');
  await test.step('the moderator sees «не подтверждено реестром» and rejects it with a reason', async () => {
    await openQueue(staff);
    await staffMain.getByLabel('Проверка по реестру').selectOption({ label: 'Не подтверждено реестром' });
    const row = staffMain.getByRole('table', { name: 'Компании' }).getByRole('row').filter({ hasText: companyName });
    await expect(row.getByText('Не подтверждено реестром')).toBeVisible();
    await row.getByRole('link', { name: companyName }).click();

    await expect(staffMain.getByRole('heading', { level: 2, name: companyName })).toBeVisible();
    await expect(staffMain.getByText('При регистрации реестр был недоступен: данные не подтверждены реестром.')).toBeVisible();
    const before = await countMessages(owner.email);
    await staffMain.getByRole('button', { name: 'Отклонить' }).click();
    const dialog = staff.getByRole('dialog', { name: `Отклонить регистрацию: ${companyName}` });
    await dialog.getByRole('button', { name: 'Отклонить' }).click();
    await expect(dialog.getByText('Укажите причину.')).toBeVisible();
    await dialog.getByLabel('Причина').fill('Реквизиты не подтверждаются документами');
    await dialog.getByRole('button', { name: 'Отклонить' }).click();
    await expect(dialog).toBeHidden();
    await expect(staffMain.getByText('Причина: Реквизиты не подтверждаются документами').first()).toBeVisible();
    const audit = staffMain.getByRole('table', { name: 'Журнал решений' });
    await expect(audit.getByRole('row').filter({ hasText: 'Отклонена' })).toContainText(moderator.name);

    const mail = await waitForMail(owner.email, 'Регистрация компании отклонена', before);
    expect(mail.text).toContain('Реквизиты не подтверждаются документами');
  });

  await test.step('the registrant sees the rejection and its reason', async () => {
    await page.reload();
    const card = main.getByRole('list', { name: 'Ваши компании' }).getByRole('listitem', { name: companyName });
    await expect(card.getByText('Отклонена', { exact: true })).toBeVisible();
    await expect(card.getByText('Причина отказа: Реквизиты не подтверждаются документами')).toBeVisible();
  });
});
