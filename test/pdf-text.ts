/**
 * The text of a PDF, page by page, for assertions in integration and browser tests. Items on one
 * line are joined (with a space where the layout leaves a gap, e.g. between table cells); lines
 * end with a newline, pages with a blank line.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export async function pdfText(data: Buffer | Uint8Array): Promise<string> {
  // pdfjs takes ownership of (and detaches) the bytes it gets: hand it a copy.
  const doc = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      let text = '';
      let last: { y: number; end: number } | null = null;
      for (const item of items) {
        if (!('str' in item)) continue;
        const { str, transform, width } = item as TextItem;
        const x = transform[4] as number;
        const y = transform[5] as number;
        if (last && Math.abs(y - last.y) > 1) text += '\n';
        else if (last && x - last.end > 1 && !text.endsWith(' ')) text += ' ';
        text += str;
        last = { y, end: x + width };
      }
      pages.push(text.replace(/[ \t]+/g, ' ').trim());
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}
