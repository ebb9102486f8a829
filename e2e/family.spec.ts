import { expect, test } from '@playwright/test';
import { registerCustomer, signInStaffFirstTime, uniqueEmail } from './support/accounts.ts';
import { countMessages, waitForMail } from './support/messages.ts';

/** Created with a password by `kabinet admin create --role moderator --password-stdin` in playwright.config.ts. */
const registrar = { email: 'family.moderator@kabinet.test', name: 'Ольга Регистратор', password: 'регистратура клиники рассвет' };

/** A date `years` before today, as the date field takes it (YYYY-MM-DD). */
function yearsAgo(years: number): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() - years);
  return date.toISOString().slice(0, 10);
}

/** 17.05.2019, as the page shows dates. */
function russianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

test("a family profile is verified with a code staff issue at the clinic", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const main = page.getByRole('main');
  const parent = { name: 'Елена Миронова', email: uniqueEmail('elena') };
  const child = { name: 'Миронова Алиса Павловна', birthDate: yearsAgo(7) };

  await test.step('a customer opens «Семейный доступ» and adds her daughter', async () => {
    await registerCustomer(page, parent.name, parent.email);
    await page.getByRole('banner').getByRole('link', { name: 'Семейный доступ' }).click();
    await expect(page).toHaveURL('/family');
    await expect(main.getByRole('heading', { level: 1, name: 'Семейный доступ' })).toBeVisible();
    await expect(main.getByText('Каждый профиль можно верифицировать с помощью полученного в клинике кода', { exact: false })).toBeVisible();
    await expect(main.getByText('Профилей пока нет.', { exact: false })).toBeVisible();

    await main.getByRole('button', { name: 'Добавить профиль' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый профиль' });
    await dialog.getByLabel('Фамилия, имя и отчество').fill(child.name);
    // An adult «child» is refused under the field.
    await dialog.getByLabel('Дата рождения').fill(yearsAgo(20));
    await dialog.getByLabel('Кем вам приходится').selectOption({ label: 'Ребёнок' });
    await dialog.getByRole('button', { name: 'Добавить' }).click();
    await expect(dialog.getByText(/Ребёнку уже исполнилось 18 лет/)).toBeVisible();

    await dialog.getByLabel('Дата рождения').fill(child.birthDate);
    await dialog.getByRole('button', { name: 'Добавить' }).click();
    await expect(dialog).toBeHidden();
    await expect(main.getByRole('status')).toContainText(`Профиль «${child.name}» добавлен`);
    const card = main.getByRole('list', { name: 'Ваши профили' }).getByRole('listitem', { name: child.name });
    await expect(card.getByText('Ждёт подтверждения кодом')).toBeVisible();
    await expect(card.getByText(`Дата рождения: ${russianDate(child.birthDate)}`, { exact: false })).toBeVisible();
  });

  let code = '';
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  const staffMain = staffPage.getByRole('main');
  await test.step('at the clinic, the registrar finds the profile in the queue and issues a code, shown once', async () => {
    await signInStaffFirstTime(staffPage, registrar);
    await staffPage.getByRole('banner').getByRole('link', { name: 'Бэк-офис' }).click();
    await staffMain.getByRole('tab', { name: 'Профили' }).click();
    await expect(staffPage).toHaveURL('/backoffice/profiles');
    await expect(staffMain.getByRole('tab', { name: /Ждут проверки/ })).toHaveAttribute('aria-selected', 'true');

    await staffMain.getByLabel('Имя в профиле').fill(child.name);
    await staffMain.getByRole('button', { name: 'Найти' }).click();
    const results = staffMain.getByRole('list', { name: 'Профили' }).getByRole('listitem');
    await expect(results).toHaveCount(1);
    await expect(results).toContainText(`Добавил(а): ${parent.name} (ребёнок)`);
    await results.getByRole('link', { name: child.name }).click();

    await expect(staffMain.getByRole('heading', { level: 2, name: child.name })).toBeVisible();
    await expect(staffMain.getByText('Ждёт проверки', { exact: true })).toBeVisible();
    const members = staffMain.getByRole('table', { name: 'Связанные пользователи' });
    await expect(members.getByRole('link', { name: parent.name })).toBeVisible();
    await expect(members.getByRole('cell', { name: 'Законный представитель · Ребёнок' })).toBeVisible();
    await expect(staffMain.getByText('Кодов ещё не выдавали.')).toBeVisible();

    await staffMain.getByRole('button', { name: 'Выдать код' }).click();
    const dialog = staffPage.getByRole('dialog', { name: `Код для профиля «${child.name}»` });
    await expect(dialog.getByText('Код показан один раз', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Распечатать' })).toBeVisible();
    code = (await dialog.getByLabel('Код из клиники').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    await dialog.getByRole('button', { name: 'Готово' }).click();
    await expect(dialog).toBeHidden();

    // The page keeps when and by whom, never the code.
    const codes = staffMain.getByRole('table', { name: 'Выданные коды' });
    await expect(codes.getByRole('cell', { name: registrar.name })).toBeVisible();
    await expect(codes.getByText('Действует', { exact: true })).toBeVisible();
    await expect(staffMain.getByText(code)).toHaveCount(0);
  });

  await test.step('the mother enters the code from the clinic and the profile is verified', async () => {
    await main.getByRole('button', { name: 'Подтвердить кодом' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Подтверждение кодом' });
    await dialog.getByLabel('Код из клиники').fill('2222-3333-44');
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(dialog.getByText('Такого кода нет', { exact: false })).toBeVisible();

    const mailsBefore = await countMessages(parent.email);
    // Typed as read out: lower case, spaces instead of dashes.
    await dialog.getByLabel('Код из клиники').fill(code.toLowerCase().replaceAll('-', ' '));
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(dialog).toBeHidden();
    await expect(main.getByRole('status')).toContainText(`Профиль «${child.name}» подтверждён.`);
    const card = main.getByRole('list', { name: 'Ваши профили' }).getByRole('listitem', { name: child.name });
    await expect(card.getByText('Подтверждён', { exact: true })).toBeVisible();
    await expect(card.getByText(/Доступ законного представителя — до \d\d\.\d\d\.\d{4}/)).toBeVisible();

    const mail = await waitForMail(parent.email, 'Профиль подтверждён', mailsBefore);
    expect(mail.text).toContain(child.name);
  });

  await test.step('the registrar sees the code used and the decision in the audit trail', async () => {
    await staffPage.reload();
    await expect(staffMain.getByText('Подтверждён', { exact: true })).toBeVisible();
    const codes = staffMain.getByRole('table', { name: 'Выданные коды' });
    await expect(codes.getByText('Использован', { exact: true })).toBeVisible();
    await expect(codes.getByText(`, ${parent.name}`, { exact: false })).toBeVisible();
    const audit = staffMain.getByRole('table', { name: 'Журнал действий' });
    await expect(audit.getByRole('cell', { name: 'Профиль подтверждён кодом' })).toBeVisible();
    await expect(audit.getByRole('cell', { name: 'Выдан код' })).toBeVisible();
    await expect(staffMain.getByRole('button', { name: 'Выдать код' })).toHaveCount(0);

    await staffMain.getByRole('link', { name: '← Все профили' }).click();
    await staffMain.getByRole('tab', { name: /Подтверждённые/ }).click();
    await expect(staffPage).toHaveURL(/status=verified/);
    await expect(staffMain.getByRole('list', { name: 'Профили' }).getByRole('link', { name: child.name })).toBeVisible();
    await staffContext.close();
  });
});
