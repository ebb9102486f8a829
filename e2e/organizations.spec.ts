import { expect, test } from '@playwright/test';
import { validInn10 } from '../test/support/tax-ids.ts';
import { fillRegistration, signInStaffFirstTime, uniqueEmail } from './support/accounts.ts';
import { countMessages, waitForMail } from './support/messages.ts';
import { standInParty } from './support/registry.ts';

/** Created with a password by `kabinet admin create --role moderator --password-stdin` in playwright.config.ts. */
const moderator = { email: 'organizations.moderator@kabinet.test', name: 'Мария Модератор', password: 'модератор проверяет компании' };
/** A fresh INN each run (one company per INN); the registry stand-in makes its details up from it. */
const inn = validInn10('52');
const party = standInParty(inn);
const company = { inn, name: party.name.full_with_opf, ogrn: party.ogrn };

// A step that cannot find its element fails fast instead of waiting out the whole journey's time.
test.use({ actionTimeout: 20_000 });

test('a company registers, a moderator approves it, an employee joins by INN with both approvals and acts for the company', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const head = { name: 'Анна Руководитель', email: uniqueEmail('anna') };
  const employee = { name: 'Пётр Сотрудник', email: uniqueEmail('petr') };
  const main = page.getByRole('main');

  await test.step('the head registers and registers the company, filled in from the registry by INN', async () => {
    await page.goto('/business');
    await main.getByRole('link', { name: 'Регистрация' }).click();
    await fillRegistration(page, head.name, head.email);
    await expect(page).toHaveURL('/business');
    await main.getByLabel('Юридическое лицо (ООО, АО и пр.)').check();
    await main.getByRole('textbox', { name: 'ИНН', exact: true }).fill(company.inn);
    await expect(main.getByText('Данные заполнены из реестра', { exact: false })).toBeVisible();
    await expect(main.getByLabel('Полное наименование')).toHaveValue(company.name);
    await expect(main.getByRole('textbox', { name: 'ОГРН', exact: true })).toHaveValue(company.ogrn);
    await main.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(main.getByText('Компания зарегистрирована')).toBeVisible();
    await waitForMail(head.email, 'Заявка на регистрацию компании принята');
  });

  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  const staffMain = staffPage.getByRole('main');
  await test.step('the moderator approves the company; the head gets the email', async () => {
    await signInStaffFirstTime(staffPage, moderator);
    await staffPage.getByRole('banner').getByRole('link', { name: 'Бэк-офис' }).click();
    await staffMain.getByRole('tab', { name: /Компании/ }).click();
    await staffMain.getByRole('table', { name: 'Компании' }).getByRole('link', { name: company.name }).click();
    await staffMain.getByRole('button', { name: 'Одобрить' }).click();
    // An active company can be blocked: the approval went through.
    await expect(staffMain.getByRole('button', { name: 'Заблокировать' })).toBeVisible();
    await waitForMail(head.email, 'Компания одобрена');
  });

  const employeeContext = await browser.newContext();
  const employeePage = await employeeContext.newPage();
  const employeeMain = employeePage.getByRole('main');
  await test.step('an employee registers with their own name and email and finds the company by INN', async () => {
    await employeePage.goto('/business/join');
    await expect(employeeMain.getByRole('heading', { level: 1, name: 'Присоединиться к компании' })).toBeVisible();
    await employeeMain.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await fillRegistration(employeePage, employee.name, employee.email);
    await expect(employeePage).toHaveURL('/business/join');

    // A mistyped INN is refused under the field; an unknown one is «not registered».
    await employeeMain.getByLabel('ИНН компании').fill('77362075');
    await employeeMain.getByRole('button', { name: 'Найти компанию' }).click();
    await expect(employeeMain.getByText('ИНН — это 10 цифр для организации или 12 цифр для ИП.')).toBeVisible();
    await employeeMain.getByLabel('ИНН компании').fill(validInn10('53'));
    await employeeMain.getByRole('button', { name: 'Найти компанию' }).click();
    await expect(employeeMain.getByText('Компания с таким ИНН не зарегистрирована', { exact: false })).toBeVisible();

    await employeeMain.getByLabel('ИНН компании').fill(company.inn);
    await employeeMain.getByRole('button', { name: 'Найти компанию' }).click();
    const found = employeeMain.getByRole('region', { name: 'Найденная компания' });
    await expect(found.getByText(`Компания найдена: ${company.name}`)).toBeVisible();
    await expect(found.getByText('Присоединиться?')).toBeVisible();
    const headMails = await countMessages(head.email);
    await found.getByRole('button', { name: 'Присоединиться' }).click();
    await expect(employeeMain.getByRole('status')).toContainText('Её должны подтвердить модератор и руководитель компании');

    const request = employeeMain.getByRole('list', { name: 'Мои заявки' }).getByRole('listitem');
    await expect(request).toHaveCount(1);
    await expect(request.getByText('Ждёт подтверждения')).toBeVisible();
    await expect(request.getByLabel('Модератор: ещё не решил')).toBeVisible();
    await expect(request.getByLabel('Руководитель: ещё не решил')).toBeVisible();
    await waitForMail(head.email, `Новая заявка сотрудника: ${employee.name}`, headMails);
  });

  await test.step('the head approves in «Сотрудники» → «Заявки»; the employee is told a moderator is next', async () => {
    await page.goto('/cabinet');
    await page.getByRole('banner').getByRole('link', { name: 'Сотрудники' }).click();
    await expect(page).toHaveURL('/employees');
    await expect(main.getByRole('heading', { level: 1, name: 'Сотрудники' })).toBeVisible();
    await expect(main.getByRole('table', { name: 'Сотрудники компании' }).getByRole('row', { name: head.name })).toContainText('Руководитель');
    await expect(main.getByRole('heading', { name: 'Роли и права' })).toBeVisible();

    await main.getByRole('tab', { name: /Заявки/ }).click();
    await expect(page).toHaveURL('/employees/requests');
    const card = main.getByRole('list', { name: 'Заявки' }).getByRole('listitem', { name: employee.name });
    await expect(card).toContainText(employee.email);
    await card.getByRole('button', { name: `Подтвердить заявку: ${employee.name}` }).click();
    await expect(card.getByText('Вы подтвердили заявку; ждём модератора.')).toBeVisible();
    await waitForMail(employee.email, 'Руководитель подтвердил заявку; ждём модератора');

    // Not yet: the employee still waits for the moderator.
    await employeePage.reload();
    const request = employeeMain.getByRole('list', { name: 'Мои заявки' }).getByRole('listitem');
    await expect(request.getByLabel('Руководитель: подтвердил')).toBeVisible();
    await expect(request.getByLabel('Модератор: ещё не решил')).toBeVisible();
  });

  await test.step('the moderator approves from the join-request queue; the decision trail is kept', async () => {
    await staffMain.getByRole('tab', { name: /Заявки сотрудников/ }).click();
    await expect(staffPage).toHaveURL('/backoffice/join-requests');
    await staffMain.getByRole('searchbox', { name: 'Поиск заявок' }).fill(employee.email);
    await staffMain.getByRole('button', { name: 'Найти' }).click();
    const row = staffMain.getByRole('row', { name: new RegExp(employee.name) });
    await expect(row).toHaveCount(1);
    await expect(row.getByLabel('Руководитель: подтвердил')).toBeVisible();
    await row.getByRole('checkbox', { name: `Выбрать заявку: ${employee.name}` }).check();
    await staffMain.getByRole('button', { name: 'Подтвердить выбранные' }).click();
    await expect(staffMain.getByRole('status')).toContainText('Подтверждено: 1. Не удалось: 0');
    await waitForMail(employee.email, `Доступ к компании ${company.name} открыт`);

    await staffMain.getByText(/^Решённые/).click();
    const decided = staffMain.getByRole('row', { name: new RegExp(employee.name) });
    await decided.getByRole('button', { name: 'Подробнее' }).click();
    const drawer = staffPage.getByRole('dialog', { name: 'Заявка на присоединение' });
    await expect(drawer.getByText('Заявка подана')).toBeVisible();
    await expect(drawer.getByText('Руководитель подтвердил')).toBeVisible();
    await expect(drawer.getByText('Модератор подтвердил')).toBeVisible();
    await expect(drawer.getByText('Доступ открыт')).toBeVisible();
    await expect(drawer.getByText(moderator.name, { exact: false }).first()).toBeVisible();
  });

  await test.step('the employee chooses the company in the header and sees its members', async () => {
    await employeePage.goto('/cabinet');
    await employeePage.getByRole('banner').getByRole('button', { name: 'Вы действуете от имени' }).click();
    await employeePage.getByRole('menuitem', { name: company.name }).click();
    await employeePage.getByRole('banner').getByRole('link', { name: 'Сотрудники' }).click();
    await expect(employeePage).toHaveURL('/employees');
    const members = employeeMain.getByRole('table', { name: 'Сотрудники компании' });
    await expect(members.getByRole('row', { name: head.name })).toContainText('Руководитель');
    await expect(members.getByRole('row', { name: employee.name })).toContainText('Сотрудник');
    // An employee neither approves requests nor manages members.
    await expect(employeeMain.getByRole('tab', { name: /Заявки/ })).toHaveCount(0);
    await expect(employeeMain.getByRole('button', { name: /Действия с сотрудником/ })).toHaveCount(0);
  });

  await test.step('the head makes the employee an accountant; the employee is told', async () => {
    await main.getByRole('tab', { name: 'Список' }).click();
    await main.getByLabel(`Роль сотрудника ${employee.name}`).click();
    await page.getByRole('option', { name: 'Бухгалтер' }).click();
    await waitForMail(employee.email, `Ваша роль в компании ${company.name} изменена`);
    await employeePage.reload();
    await expect(employeeMain.getByRole('table', { name: 'Сотрудники компании' }).getByRole('row', { name: employee.name })).toContainText('Бухгалтер');
  });

  await staffContext.close();
  await employeeContext.close();
});
