import { expect, type Page } from '@playwright/test';
import { countMessages, waitForCode } from './messages.ts';
import { freshTotp } from './totp.ts';

/** The password of every customer the specs register through the pages. */
export const CUSTOMER_PASSWORD = 'жёлтый автобус ждёт на углу';

/** Unique per run: the stand-ins and the data directory live for the whole run. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.ru`;
}

/**
 * Fills in /register (no phone), consents and confirms the email with the code from the mail
 * server; the page then goes where the link's `next` said (/cabinet without one).
 */
export async function fillRegistration(page: Page, name: string, email: string) {
  const main = page.getByRole('main');
  await main.getByLabel('Имя').fill(name);
  await main.getByLabel('Эл. почта').fill(email);
  await main.getByLabel('Пароль').fill(CUSTOMER_PASSWORD);
  await main.getByLabel('Я принимаю условия пользовательского соглашения').check();
  await main.getByLabel(/Даю согласие на обработку персональных данных/).check();
  const before = await countMessages(email);
  await main.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await main.getByLabel('Код из сообщения').fill(await waitForCode(email, before));
  await main.getByRole('button', { name: 'Подтвердить' }).click();
}

/** Registers a customer through the pages and leaves them signed in on /cabinet. */
export async function registerCustomer(page: Page, name: string, email: string) {
  await page.goto('/register');
  await fillRegistration(page, name, email);
  await expect(page).toHaveURL('/cabinet');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: `Здравствуйте, ${name}!` })).toBeVisible();
}

/** Sends the sign-in form of the page it is on (/login, or the login step of another flow). */
export async function submitSignIn(page: Page, login: string, password: string) {
  const main = page.getByRole('main');
  await main.getByLabel('Эл. почта или телефон').fill(login);
  await main.getByRole('textbox', { name: 'Пароль', exact: true }).fill(password);
  await main.getByRole('button', { name: 'Войти', exact: true }).click();
}

/**
 * A staff member's first sign-in: staff must turn on two-factor authentication before anything else,
 * so the app sends them to /settings/security, where this sets it up with a TOTP code. Returns the secret.
 */
export async function signInStaffFirstTime(page: Page, staff: { email: string; password: string }): Promise<string> {
  const main = page.getByRole('main');
  await page.goto('/login');
  await submitSignIn(page, staff.email, staff.password);
  await expect(page).toHaveURL('/settings/security');
  await expect(main.getByText('Включите двухфакторную аутентификацию')).toBeVisible();
  await main.getByRole('button', { name: 'Настроить' }).click();
  const secret = await main.getByLabel('Ключ для ввода вручную').inputValue();
  await main.getByLabel('Код из приложения').fill(await freshTotp(secret));
  await main.getByRole('button', { name: 'Включить' }).click();
  await main.getByRole('button', { name: 'Я сохранил коды' }).click();
  await expect(main.getByText('Включена', { exact: true })).toBeVisible();
  return secret;
}
