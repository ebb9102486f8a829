import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';

export type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.d.ts';

const require = createRequire(import.meta.url);

/** DejaVu covers Cyrillic; pdfmake's built-in Roboto subset in the browser build is not available on the server. */
const FONT_FILES = {
  normal: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italics: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  bolditalics: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
};
const ALLOWED_FILES = new Set(Object.values(FONT_FILES));

export const PDF_FONT = 'DejaVuSans';

let configured = false;

/**
 * pdfmake is one process-wide instance: configured once. Documents are built from our own data, yet
 * a text that looks like a path or URL must never make the server read a file or fetch a page, so
 * local access is limited to the font files and remote access is denied.
 */
function configure() {
  if (configured) return;
  pdfmake.addFonts({ [PDF_FONT]: FONT_FILES });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => ALLOWED_FILES.has(path));
  configured = true;
}

/** Renders a document to PDF bytes, in DejaVu Sans unless the definition says otherwise. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const document = pdfmake.createPdf({
    pageSize: 'A4',
    ...definition,
    defaultStyle: { font: PDF_FONT, fontSize: 11, ...definition.defaultStyle },
  });
  return document.getBuffer();
}

/** `Content-Disposition` for a download whose name may be Cyrillic (RFC 6266 / RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
