/**
 * pdfmake set up once with the bundled fonts and no access to anything else; renders to bytes.
 * Loaded on the first document: pdfmake and its fonts add ~25 MB to every process otherwise, a
 * server that never prints (or streams a big export) does without.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

type Pdfmake = typeof import('pdfmake');
let loaded: Promise<Pdfmake> | null = null;

function pdfmake() {
  loaded ??= import('pdfmake').then((m) => {
    const pdf = ((m as { default?: Pdfmake }).default ?? m) as Pdfmake;
    const fontDir = path.join(
      path.dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')),
      'Roboto',
    );
    pdf.setFonts({
      Roboto: {
        normal: path.join(fontDir, 'Roboto-Regular.ttf'),
        bold: path.join(fontDir, 'Roboto-Medium.ttf'),
        italics: path.join(fontDir, 'Roboto-Italic.ttf'),
        bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
      },
    });
    // Documents hold user text only: nothing but the bundled fonts may be read, and no URL fetched.
    pdf.setUrlAccessPolicy(() => false);
    pdf.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === fontDir);
    return pdf;
  });
  return loaded;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return (await pdfmake()).createPdf(definition).getBuffer();
}
