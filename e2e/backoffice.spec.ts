import { expect, test } from '@playwright/test';
import { registerCustomer, signInStaffFirstTime, uniqueEmail } from './support/accounts.ts';
import { countMessages, waitForMail } from './support/messages.ts';

/** Created by `kabinet admin create` in the web server's command, before the server started. */
const admin = { email: 'admin@kabinet.test', name: 'Администратор', password: 'старый маяк светит кораблям' };

test('a customer opening the back office sees the page-not-found page', async ({ page }) => {
  await test.step('a visitor is sent to sign in first', async () => {
    await page.goto('/backoffice/users');
    await expect(page).toHaveURL('/login?next=%2Fbackoffice%2Fusers');
  });

  await test.step('a signed-in customer gets 404 and no back-office link', async () => {
    await registerCustomer(page, 'Олег Кузнецов', uniqueEmail('oleg'));
    await expect(page.getByRole('banner').getByRole('link', { name: 'Бэк-офис' })).toHaveCount(0);
    await page.goto('/backoffice');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
    await page.goto('/backoffice/staff');
    await expect(main.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
  });
});

test('the first administrator sets up their account, blocks a customer and invites staff', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const main = page.getByRole('main');
  const customer = { name: 'Мария Соколова', email: uniqueEmail('maria') };

  // The customer signs in on their own device first: blocking must end that session.
  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  await test.step('a customer registers and is signed in', async () => {
    await registerCustomer(customerPage, customer.name, customer.email);
  });

  await test.step('open the invitation link from the email, enter the code and choose a password', async () => {
    const mail = await waitForMail(admin.email, 'Приглашение в личный кабинет сотрудника');
    const link = /https?:\/\/\S+?\/staff\/setup\?flow=[0-9a-f-]+/.exec(mail.text)?.[0];
    const code = /код (\d{6})/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeTruthy();
    expect(code, mail.text).toBeTruthy();
    const url = new URL(link ?? '');
    await page.goto(`${url.pathname}${url.search}`);
    await expect(main.getByRole('heading', { level: 1, name: 'Приглашение сотрудника' })).toBeVisible();
    await expect(main.getByText('Не короче 8 символов')).toBeVisible();

    // A wrong code is refused under the field, and the form stays.
    await main.getByLabel('Код из письма').fill(code === '000000' ? '111111' : '000000');
    await main.getByLabel('Пароль').fill(admin.password);
    await main.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect(main.getByRole('alert')).toBeVisible();

    await main.getByLabel('Код из письма').fill(code ?? '');
    await main.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect(main.getByText('Пароль сохранён')).toBeVisible();
    await main.getByRole('link', { name: 'Войти' }).click();
    await expect(page).toHaveURL('/login');
  });

  await test.step('sign in and turn on two-factor authentication, as staff must', async () => {
    await signInStaffFirstTime(page, admin);
  });

  await test.step('find the customer in «Пользователи»', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Бэк-офис' }).click();
    await expect(page).toHaveURL('/backoffice/users');
    await expect(main.getByRole('heading', { level: 1, name: 'Бэк-офис' })).toBeVisible();
    await expect(main.getByRole('tab', { name: 'Сотрудники' })).toBeVisible();

    await main.getByLabel('Поиск', { exact: true }).fill(customer.email);
    await main.getByRole('button', { name: 'Найти' }).click();
    await expect(page).toHaveURL(`/backoffice/users?q=${encodeURIComponent(customer.email).replaceAll('%20', '+')}`);
    const results = main.getByRole('list', { name: 'Найденные пользователи' }).getByRole('listitem');
    await expect(results).toHaveCount(1);
    await results.getByRole('link', { name: customer.name }).click();

    await expect(main.getByRole('heading', { level: 2, name: customer.name })).toBeVisible();
    await expect(main.getByText('Активен', { exact: true })).toBeVisible();
    await expect(main.getByRole('list', { name: 'Активные сеансы' }).getByRole('listitem')).toHaveCount(1);
    await expect(main.getByRole('cell', { name: 'Регистрация' })).toBeVisible();
  });

  await test.step('block the customer with a reason', async () => {
    const mailBefore = await countMessages(customer.email);
    await main.getByRole('button', { name: 'Заблокировать' }).click();
    const dialog = page.getByRole('dialog', { name: `Блокировка пользователя: ${customer.name}` });
    // No reason, no block.
    await dialog.getByRole('button', { name: 'Заблокировать' }).click();
    await expect(dialog.getByText('Укажите причину блокировки.')).toBeVisible();
    await dialog.getByLabel('Причина').fill('Мошеннические платежи');
    await dialog.getByRole('button', { name: 'Заблокировать' }).click();
    await expect(dialog).toBeHidden();

    await expect(main.getByText('Заблокирован', { exact: true })).toBeVisible();
    await expect(main.getByText('Причина блокировки: Мошеннические платежи').first()).toBeVisible();
    await expect(main.getByText('Сейчас пользователь нигде не в сети.')).toBeVisible();
    await expect(main.getByRole('cell', { name: /Учётная запись заблокирована/ })).toBeVisible();

    const mail = await waitForMail(customer.email, 'Учётная запись заблокирована', mailBefore);
    expect(mail.text).toContain('Мошеннические платежи');
  });

  await test.step("the customer's session is gone", async () => {
    await customerPage.reload();
    await expect(customerPage).toHaveURL('/login?next=%2Fcabinet');
    await expect(customerPage.getByRole('main').getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
    await customerContext.close();
  });

  const operator = { name: 'Пётр Васильев', email: uniqueEmail('petr') };
  await test.step('invite a staff member in «Сотрудники»', async () => {
    await main.getByRole('tab', { name: 'Сотрудники' }).click();
    await expect(page).toHaveURL('/backoffice/staff');
    const list = main.getByRole('list', { name: 'Сотрудники' });
    await expect(list.getByRole('listitem', { name: admin.name })).toContainText('Это вы');

    const invite = main.getByRole('region', { name: 'Пригласить сотрудника' });
    await invite.getByLabel('Имя').fill(operator.name);
    await invite.getByLabel('Рабочая эл. почта').fill(operator.email);
    await invite.getByLabel('Роль').selectOption({ label: 'Оператор' });
    await invite.getByRole('button', { name: 'Пригласить' }).click();
    await expect(invite.getByRole('status')).toContainText(`${operator.name}: приглашение отправлено`);
    await expect(invite.getByRole('link', { name: /\/staff\/setup\?flow=/ })).toBeVisible();
    await waitForMail(operator.email, 'Приглашение в личный кабинет сотрудника');

    // The same address twice is refused with the server's words.
    await invite.getByLabel('Имя').fill(operator.name);
    await invite.getByLabel('Рабочая эл. почта').fill(operator.email);
    await invite.getByRole('button', { name: 'Пригласить' }).click();
    await expect(invite.getByRole('alert')).toBeVisible();
  });

  await test.step('change their role, then block them', async () => {
    const card = main.getByRole('list', { name: 'Сотрудники' }).getByRole('listitem', { name: operator.name });
    await expect(card.getByLabel('Роль')).toHaveValue('operator');
    await card.getByLabel('Роль').selectOption({ label: 'Модератор' });
    await page.reload();
    await expect(card.getByLabel('Роль')).toHaveValue('moderator');

    await card.getByRole('button', { name: 'Заблокировать' }).click();
    const dialog = page.getByRole('dialog', { name: `Блокировка сотрудника: ${operator.name}` });
    await dialog.getByLabel('Причина').fill('Уволен');
    await dialog.getByRole('button', { name: 'Заблокировать' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByText('Заблокирован', { exact: true })).toBeVisible();
    await expect(card.getByText('Причина блокировки: Уволен')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Разблокировать' })).toBeVisible();
  });

  await test.step('«Исходящие» is empty while a mail server is configured', async () => {
    await main.getByRole('tab', { name: 'Исходящие' }).click();
    await expect(page).toHaveURL('/backoffice/outbox');
    await expect(main.getByText('Сохранённых сообщений нет.')).toBeVisible();
  });
});
