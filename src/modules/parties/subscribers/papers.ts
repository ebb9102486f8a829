import { renderPdf, type Content, type TDocumentDefinitions } from '../../../platform/pdf/pdf.ts';
import { getAccount, type Account } from '../../accounts/index.ts';
import type { SessionUser } from '../../identity/index.ts';
import { getProviderName } from '../../settings/index.ts';
import type { Membership } from '../memberships.ts';
import type { SubscribersContext } from './context.ts';
import { PapersNotAvailableError } from './errors.ts';
import { findCustomerCard, findUserActivation } from './store.ts';

export type Paper = 'settlement-agreement' | 'access-request';

export const PAPER_TITLES: Record<Paper, string> = {
  'settlement-agreement': 'Соглашение о расчетах',
  'access-request': 'Заявка на доступ',
};

interface PaperData {
  provider: string;
  customer: { kind: string; name: string; inn: string | null; kpp: string | null; legalAddress: string | null };
  account: Account;
  representative: { name: string; email: string };
  registeredOn: string;
}

/**
 * The two papers the head of a subscriber prints, signs and brings to the provider; filled with the
 * data of their own registration. Always in Russian: they are documents between two Russian parties.
 */
export async function renderPaper(ctx: SubscribersContext, membership: Membership, user: SessionUser, paper: Paper): Promise<{ pdf: Buffer; fileName: string }> {
  const activation = await findUserActivation(ctx.db, membership.customerId, user.id);
  if (!activation) throw new PapersNotAvailableError();
  const [customer, account, provider] = await Promise.all([
    findCustomerCard(ctx.db, membership.customerId),
    getAccount(ctx.db, activation.customerId, activation.accountId),
    getProviderName(ctx.db),
  ]);
  if (!customer || !account) throw new PapersNotAvailableError();
  const data: PaperData = {
    provider,
    customer,
    account,
    representative: { name: user.name, email: user.email },
    registeredOn: new Intl.DateTimeFormat('ru-RU', { timeZone: ctx.timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(activation.createdAt),
  };
  const definition = paper === 'settlement-agreement' ? settlementAgreement(data) : accessRequest(data);
  const code = account.subscriberCode ?? account.number;
  return { pdf: await renderPdf(definition), fileName: `${PAPER_TITLES[paper]} — ${code}.pdf` };
}

const BLANK = '____________________';

function taxIds(customer: PaperData['customer']): string {
  return [customer.inn && `ИНН ${customer.inn}`, customer.kpp && `КПП ${customer.kpp}`].filter(Boolean).join(', ');
}

function contract(account: Account): string {
  return account.contractNumber ? `№ ${account.contractNumber}` : `по лицевому счёту ${account.number}`;
}

function detailsTable(rows: Array<[string, string | null]>): Content {
  return {
    table: {
      widths: [170, '*'],
      body: rows.filter(([, value]) => value !== null && value !== '').map(([label, value]) => [{ text: label, color: '#555555' }, { text: value!, bold: true }]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 6, 0, 12],
  };
}

function signatures(left: { title: string; name: string; lines: string[] }, right: { title: string; name: string; lines: string[] }): Content {
  const column = (party: typeof left): Content => ({
    stack: [
      { text: party.title, bold: true },
      { text: party.name, margin: [0, 2, 0, 0] },
      ...party.lines.map((line) => ({ text: line, fontSize: 9, color: '#555555' })),
      { text: `${BLANK} / ${BLANK} /`, margin: [0, 28, 0, 0] },
      { text: '(подпись)                  (расшифровка)', fontSize: 8, color: '#555555' },
      { text: 'М.П.', margin: [0, 6, 0, 0], fontSize: 9 },
    ],
  });
  return { columns: [column(left), column(right)], columnGap: 24, margin: [0, 24, 0, 0] };
}

function header(title: string, subtitle: string): Content[] {
  return [
    { text: title.toUpperCase(), style: 'title' },
    { text: subtitle, alignment: 'center', margin: [0, 2, 0, 14] },
  ];
}

function settlementAgreement(data: PaperData): TDocumentDefinitions {
  const { customer, account } = data;
  const paragraphs = [
    `1. Абонент (код абонента ${account.subscriberCode ?? '—'}, лицевой счёт ${account.number}) пользуется личным кабинетом на сайте Поставщика: передаёт показания приборов учёта, получает расчётные документы (счета, счета-фактуры, акты выполненных работ), формирует акты сверки расчётов, просматривает историю начислений и оплат.`,
    '2. Сведения о начислениях и оплатах, размещённые в личном кабинете, и документы, сформированные в нём, стороны признают равными по силе сведениям и документам, переданным на бумаге. Показания и объёмы, переданные через личный кабинет, считаются переданными Абонентом.',
    '3. Доступ к личному кабинету получает представитель Абонента, указанный в заявке на доступ. Абонент обеспечивает сохранность пароля и без промедления сообщает Поставщику о смене представителя или об утрате доступа.',
    `4. Соглашение вступает в силу с момента активации личного кабинета Поставщиком и действует в течение срока действия договора ${contract(account)}.`,
  ];
  return {
    info: { title: `${PAPER_TITLES['settlement-agreement']} — ${customer.name}`, author: data.provider },
    content: [
      ...header(PAPER_TITLES['settlement-agreement'], `к договору ${contract(account)} от ${data.registeredOn}`),
      {
        text: `${data.provider}, именуемое в дальнейшем «Поставщик», с одной стороны, и ${customer.name}${taxIds(customer) ? ` (${taxIds(customer)})` : ''}, именуемое в дальнейшем «Абонент»${customer.kind === 'individual' ? '' : `, в лице ${BLANK}, действующего на основании ${BLANK}`}, с другой стороны, заключили настоящее соглашение о нижеследующем:`,
        margin: [0, 0, 0, 8],
      },
      ...paragraphs.map((text): Content => ({ text, margin: [0, 0, 0, 6] })),
      signatures(
        { title: 'Поставщик', name: data.provider, lines: [] },
        { title: 'Абонент', name: customer.name, lines: [taxIds(customer), customer.legalAddress ?? account.address ?? ''].filter(Boolean) },
      ),
    ],
    styles: { title: { fontSize: 15, bold: true, alignment: 'center' } },
    pageMargins: [48, 48, 48, 48],
  };
}

function accessRequest(data: PaperData): TDocumentDefinitions {
  const { customer, account } = data;
  return {
    info: { title: `${PAPER_TITLES['access-request']} — ${customer.name}`, author: data.provider },
    content: [
      ...header(PAPER_TITLES['access-request'], 'к личному кабинету абонента'),
      { text: `В ${data.provider}`, alignment: 'right', margin: [0, 0, 0, 12] },
      { text: 'Абонент', bold: true },
      detailsTable([
        ['Наименование', customer.name],
        ['ИНН / КПП', [customer.inn, customer.kpp].filter(Boolean).join(' / ') || null],
        ['Код абонента', account.subscriberCode],
        ['Лицевой счёт', account.number],
        ['Договор', account.contractNumber ? `№ ${account.contractNumber}` : null],
        ['Адрес объекта', account.address],
      ]),
      { text: 'просит предоставить доступ к личному кабинету своему представителю:', margin: [0, 0, 0, 2] },
      detailsTable([
        ['ФИО', data.representative.name],
        ['Эл. почта (логин)', data.representative.email],
        ['Дата регистрации', data.registeredOn],
      ]),
      {
        text: 'Представитель действует от имени Абонента в личном кабинете: передаёт показания и объёмы, получает расчётные документы, формирует акты сверки. Абонент отвечает за действия своего представителя в личном кабинете и сообщит Поставщику, если его полномочия прекратятся.',
        margin: [0, 0, 0, 6],
      },
      signatures(
        { title: customer.kind === 'individual' ? 'Абонент' : 'Руководитель Абонента', name: customer.name, lines: ['Дата «___» ____________ 20___ г.'] },
        { title: 'Отметка Поставщика', name: 'Документы получены, кабинет активирован', lines: ['Дата «___» ____________ 20___ г.'] },
      ),
    ],
    styles: { title: { fontSize: 15, bold: true, alignment: 'center' } },
    pageMargins: [48, 48, 48, 48],
  };
}
