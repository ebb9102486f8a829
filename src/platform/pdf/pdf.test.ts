import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, renderPdf } from './pdf.ts';

function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

describe('renderPdf', () => {
  it('writes Cyrillic that can be extracted again, in regular and bold', async () => {
    const pdf = await renderPdf({ content: [{ text: 'Соглашение о расчетах', bold: true }, 'Абонент: ООО «Ёлка», ИНН 6315004218'] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdftotext(pdf);
    expect(text).toContain('Соглашение о расчетах');
    expect(text).toContain('Абонент: ООО «Ёлка», ИНН 6315004218');
  });

  it('reads no file and fetches no page named in a document', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/denied/);
    await expect(renderPdf({ content: [{ image: 'https://example.com/logo.png' }] })).rejects.toThrow(/denied/);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Заявка на доступ — 4217.pdf')).toBe(
      `attachment; filename="______ __ ______ _ 4217.pdf"; filename*=UTF-8''${encodeURIComponent('Заявка на доступ — 4217.pdf')}`,
    );
  });
});
