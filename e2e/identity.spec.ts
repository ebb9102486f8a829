import { expect, test, type Page } from '@playwright/test';
import { submitSignIn } from './support/accounts.ts';
import { countMessages, waitForCode } from './support/messages.ts';
import { freshTotp } from './support/totp.ts';

const name = 'Анна Смирнова';
const password = 'синий трактор едет в поле';
const newPassword = 'зелёная лодка плывёт к берегу';

/** Unique per run: the stand-ins and the data directory live for the whole run. */
function uniqueContacts() {
  const suffix = `${Date.now()}`.slice(-7);
  return { email: `anna.${suffix}@example.ru`, phone: `+7 916 ${suffix.slice(0, 3)}-${suffix.slice(3, 5)}-${suffix.slice(5)}` };
}

/**
 * A code for the next 30-second step: the server refuses a step it has already seen (no replays)
 * but allows one step of clock drift, so this is accepted right after a code of the current step.
 */
async function signIn(page: Page, login: string, secret: string | undefined, withPassword = password) {
  await page.goto('/login');
  const main = page.getByRole('main');
  await submitSignIn(page, login, withPassword);
  if (secret !== undefined) {
    await main.getByLabel('Код из приложения').fill(await freshTotp(secret));
    await main.getByRole('button', { name: 'Подтвердить' }).click();
  }
  await expect(page).toHaveURL('/cabinet');
  await expect(main.getByRole('heading', { level: 1, name: `Здравствуйте, ${name}!` })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name }).click();
  await page.getByRole('menuitem', { name: 'Выйти' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('status')).toContainText('Вы вышли из личного кабинета');
}

test('register, confirm email and phone, sign in with two-factor, recover the password by SMS', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { email, phone } = uniqueContacts();
  const main = page.getByRole('main');

  await test.step('register and confirm the email with the code from the mail server', async () => {
    await page.goto('/register');
    await expect(main.getByRole('heading', { level: 1, name: 'Регистрация' })).toBeVisible();
    await main.getByLabel('Имя').fill(name);
    await main.getByLabel('Эл. почта').fill(email);
    await main.getByLabel('Телефон (необязательно)').fill(phone);
    await main.getByLabel('Пароль').fill(password);
    await expect(main.getByText('Не короче 8 символов')).toBeVisible();

    // Without consent the form is not sent.
    await main.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(main.getByText('Без этого согласия зарегистрироваться нельзя.').first()).toBeVisible();
    await main.getByLabel('Я принимаю условия пользовательского соглашения').check();
    await main
      .getByLabel('Даю согласие на обработку персональных данных в соответствии с Федеральным законом № 152-ФЗ «О персональных данных»')
      .check();
    const mailBefore = await countMessages(email);
    await main.getByRole('button', { name: 'Зарегистрироваться' }).click();

    await expect(main.getByText(`Мы отправили код на ${email}`)).toBeVisible();
    await expect(main.getByText(/Отправить код ещё раз можно через \d+ с/)).toBeVisible();
    await main.getByLabel('Код из сообщения').fill(await waitForCode(email, mailBefore));
    await main.getByRole('button', { name: 'Подтвердить' }).click();
  });

  await test.step('confirm the phone with the code from the SMS gateway', async () => {
    await expect(main.getByText('Подтвердите номер телефона')).toBeVisible();
    await main.getByLabel('Код из SMS').fill(await waitForCode(phone, 0));
    await main.getByRole('button', { name: 'Подтвердить телефон' }).click();
    await expect(page).toHaveURL('/cabinet');
    await expect(main.getByRole('heading', { level: 1, name: `Здравствуйте, ${name}!` })).toBeVisible();
  });

  await test.step('sign out and back in with the password', async () => {
    await signOut(page);
    await signIn(page, email, undefined);
  });

  let secret = '';
  let backupCodes: string[] = [];
  await test.step('turn on two-factor authentication', async () => {
    await page.getByRole('banner').getByRole('button', { name }).click();
    await page.getByRole('menuitem', { name: 'Настройки' }).click();
    await expect(page).toHaveURL('/settings/profile');
    await main.getByRole('tab', { name: 'Безопасность' }).click();
    await expect(page).toHaveURL('/settings/security');
    await expect(main.getByText(phone.replace(/[\s-]/g, ''))).toBeVisible();

    await main.getByRole('button', { name: 'Настроить' }).click();
    await expect(main.getByRole('img', { name: 'QR-код для приложения-аутентификатора' })).toBeVisible();
    secret = await main.getByLabel('Ключ для ввода вручную').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await main.getByLabel('Код из приложения').fill(await freshTotp(secret));
    await main.getByRole('button', { name: 'Включить' }).click();

    const codes = main.getByRole('list', { name: 'Резервные коды' }).getByRole('listitem');
    await expect(codes.first()).toBeVisible();
    backupCodes = await codes.allInnerTexts();
    expect(backupCodes.length).toBeGreaterThanOrEqual(5);
    await main.getByRole('button', { name: 'Я сохранил коды' }).click();
    await expect(main.getByText('Включена', { exact: true })).toBeVisible();
    await expect(main.getByRole('list', { name: 'Резервные коды' })).toBeHidden();
  });

  await test.step('sign out and in again with a code from the app', async () => {
    await signOut(page);
    await signIn(page, email, secret);
  });

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await test.step('sign in on a second device with a backup code', async () => {
    await otherPage.goto('/login');
    const otherMain = otherPage.getByRole('main');
    await submitSignIn(otherPage, phone, password);
    await expect(otherMain.getByText('или резервный код')).toBeVisible();
    await otherMain.getByLabel('Код из приложения').fill(backupCodes[0] ?? '');
    await otherMain.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(otherPage).toHaveURL('/cabinet');

    await otherPage.goto('/settings/sessions');
    await expect(otherMain.getByRole('list', { name: 'Сеансы' }).getByRole('listitem')).toHaveCount(2);
    await expect(otherMain.getByText('Этот сеанс')).toHaveCount(1);
  });

  await test.step('recover the password by SMS on the first device', async () => {
    await page.goto('/recovery');
    await main.getByLabel('Эл. почта или телефон').fill(phone);
    const smsBefore = await countMessages(phone);
    await main.getByRole('button', { name: 'Получить код' }).click();
    await expect(main.getByText(`Если номер ${phone} зарегистрирован у нас, на него придёт SMS с кодом.`)).toBeVisible();
    await main.getByLabel('Код из сообщения').fill(await waitForCode(phone, smsBefore));
    await main.getByLabel('Новый пароль').fill(newPassword);
    await main.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page).toHaveURL('/login');
    await expect(page.getByRole('status')).toContainText('Пароль изменён, все сеансы завершены');
  });

  await test.step('the second device has been signed out', async () => {
    await otherPage.reload();
    await expect(otherPage).toHaveURL('/login?next=%2Fsettings%2Fsessions');
    await expect(otherPage.getByRole('main').getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
    await other.close();
  });

  await test.step('the new password works and brings the visitor back where they were going', async () => {
    await page.goto('/settings/activity');
    await expect(page).toHaveURL('/login?next=%2Fsettings%2Factivity');
    await submitSignIn(page, email, newPassword);
    await main.getByLabel('Код из приложения').fill(await freshTotp(secret));
    await main.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page).toHaveURL('/settings/activity');
    await expect(main.getByRole('cell', { name: 'Пароль восстановлен' })).toBeVisible();
    await expect(main.getByRole('cell', { name: 'Двухфакторная аутентификация включена' })).toBeVisible();
  });
});

test('a cabinet page sends a signed-out visitor to sign in, remembering where they were going', async ({ page }) => {
  await page.goto('/settings/sessions');
  await expect(page).toHaveURL('/login?next=%2Fsettings%2Fsessions');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Забыли пароль?' })).toHaveAttribute('href', '/recovery');
});
