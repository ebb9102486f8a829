import QRCode from 'qrcode';

/** What a bank's app needs to fill in a payment from a picture (GOST R 56042-2014). */
export interface QrPayment {
  /** The payee's name. */
  name: string;
  /** The payee's settlement account, 20 digits. */
  personalAcc: string;
  bankName: string;
  bic: string;
  correspAcc: string;
  payeeInn: string;
  kpp: string | null;
  /** Kopecks. */
  sum: number;
  purpose: string;
  /** The payer's personal account number with the provider. */
  persAcc: string;
}

/** The standard's limits on the values we send. */
const MAX = { Name: 160, BankName: 45, Purpose: 210, PersAcc: 60 } as const;

/**
 * The payload: «ST0001» (format 0001), «2» (UTF-8), then `Key=Value` pairs separated by «|» —
 * required ones first in the standard's order, then the additional ones. «|» and line breaks
 * cannot appear inside a value.
 */
export function gostPaymentPayload(payment: QrPayment): string {
  const pairs: Array<[string, string]> = [
    ['Name', clean(payment.name, MAX.Name)],
    ['PersonalAcc', payment.personalAcc],
    ['BankName', clean(payment.bankName, MAX.BankName)],
    ['BIC', payment.bic],
    ['CorrespAcc', payment.correspAcc],
    ['PayeeINN', payment.payeeInn],
    ...(payment.kpp ? [['KPP', payment.kpp] as [string, string]] : []),
    ['Sum', String(payment.sum)],
    ['Purpose', clean(payment.purpose, MAX.Purpose)],
    ['PersAcc', clean(payment.persAcc, MAX.PersAcc)],
  ];
  return ['ST00012', ...pairs.map(([key, value]) => `${key}=${value}`)].join('|');
}

function clean(value: string, max: number): string {
  return [...value.replace(/[|\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim()].slice(0, max).join('');
}

/** The QR code's look: error correction M, 2 modules of quiet zone, 4 pixels a module. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, scale: 4 } as const;

/** The payload as a PNG data URL (UTF-8 in byte mode), ready for pdfmake's `image`. */
export async function paymentQrDataUrl(payload: string): Promise<string> {
  return QRCode.toDataURL(payload, { ...QR_OPTIONS, type: 'image/png' });
}
