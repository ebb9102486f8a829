import { renderPdf, type Content } from '../../platform/pdf/pdf.ts';
import { gostPaymentPayload, paymentQrDataUrl } from './qr.ts';
import type { Requisites } from './requisites.ts';
import { amountInWords } from './words.ts';

/** What the invoice PDF is made of. Kept narrow so the invoice module can pass its own shape. */
export interface InvoiceDocument {
  invoice: { number: string; amount: number; purpose: string; payerName: string; payerInn: string | null; payerKpp: string | null; createdAt: Date };
  requisites: Requisites;
  accountNumber: string;
  timeZone: string;
}

const money = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Kopecks as «1 234,56» (with the no-break spaces Russian typography uses). */
export function formatRubles(kopecks: number): string {
  return money.format(kopecks / 100);
}

/** The QR payload of the invoice: the provider's requisites, the sum, the purpose and the payer's account. */
export function invoiceQrPayload(document: Pick<InvoiceDocument, 'invoice' | 'requisites' | 'accountNumber'>): string {
  const { invoice, requisites } = document;
  return gostPaymentPayload({
    name: requisites.payeeName,
    personalAcc: requisites.settlementAccount,
    bankName: requisites.bankName,
    bic: requisites.bic,
    correspAcc: requisites.correspondentAccount,
    payeeInn: requisites.inn,
    kpp: requisites.kpp,
    sum: invoice.amount,
    purpose: invoice.purpose,
    persAcc: document.accountNumber,
  });
}

const cell = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, ...extra }) as Content;

/** «Счёт на оплату» in the usual Russian layout: bank block, title, parties, one line, total in words, QR. */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { invoice, requisites } = document;
  const date = new Intl.DateTimeFormat('ru-RU', { timeZone: document.timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(invoice.createdAt);
  const qr = await paymentQrDataUrl(invoiceQrPayload(document));
  const payee = [requisites.payeeName, `ИНН ${requisites.inn}`, requisites.kpp ? `КПП ${requisites.kpp}` : null, requisites.address].filter(Boolean).join(', ');
  const payer = [invoice.payerName, invoice.payerInn ? `ИНН ${invoice.payerInn}` : null, invoice.payerKpp ? `КПП ${invoice.payerKpp}` : null].filter(Boolean).join(', ');
  const total = formatRubles(invoice.amount);

  return renderPdf({
    info: { title: `Счёт на оплату № ${invoice.number}` },
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { fontSize: 10 },
    content: [
      {
        table: {
          widths: ['*', 40, 150],
          body: [
            [cell(`Банк получателя: ${requisites.bankName}`, { rowSpan: 2 }), cell('БИК'), cell(requisites.bic)],
            [cell(''), cell('Сч. №'), cell(requisites.correspondentAccount)],
            [cell(`ИНН ${requisites.inn}${requisites.kpp ? `    КПП ${requisites.kpp}` : ''}`), cell('Сч. №', { rowSpan: 2 }), cell(requisites.settlementAccount, { rowSpan: 2 })],
            [cell(`Получатель: ${requisites.payeeName}`), cell(''), cell('')],
          ],
        },
      },
      { text: `Счёт на оплату № ${invoice.number} от ${date}`, fontSize: 14, bold: true, margin: [0, 18, 0, 6] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 1.5 }], margin: [0, 0, 0, 8] },
      {
        table: {
          widths: [90, '*'],
          body: [
            [cell('Поставщик:'), cell(payee, { bold: true })],
            [cell('Плательщик:'), cell(payer, { bold: true })],
            [cell('Лицевой счёт:'), cell(document.accountNumber, { bold: true })],
          ],
        },
        layout: 'noBorders',
      },
      {
        margin: [0, 12, 0, 6],
        table: {
          headerRows: 1,
          widths: [20, '*', 90],
          body: [
            [cell('№', { bold: true }), cell('Назначение платежа', { bold: true }), cell('Сумма, ₽', { bold: true, alignment: 'right' })],
            [cell('1'), cell(invoice.purpose), cell(total, { alignment: 'right' })],
          ],
        },
      },
      { text: `Итого: ${total} ₽`, bold: true, alignment: 'right' },
      { text: `Всего к оплате: ${amountInWords(invoice.amount)}`, bold: true, margin: [0, 10, 0, 16] },
      {
        columns: [
          { image: qr, width: 130 },
          {
            width: '*',
            margin: [12, 8, 0, 0],
            stack: [
              { text: 'Оплата по QR-коду', bold: true },
              { text: 'Отсканируйте код в приложении банка: получатель, реквизиты, сумма и назначение платежа заполнятся сами.', margin: [0, 4, 0, 0] },
              { text: `В назначении платежа укажите номер счёта ${invoice.number} и лицевой счёт ${document.accountNumber}.`, margin: [0, 4, 0, 0] },
            ],
          },
        ],
      },
    ],
  });
}
