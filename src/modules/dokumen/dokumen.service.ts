/**
 * Documents and exports: the SKP as an A4 PDF and the SKP bawahan list as XLSX. Data comes only
 * from the SKP service, so a document shows exactly what the API shows and is allowed the same way.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { z } from 'zod';
import type { SkpBawahanQuery } from '../../contracts/skp.js';
import { STATUS_SKP_LABEL } from '../../domain/skp-workflow.js';
import { dateInZone } from '../../platform/clock.js';
import type { Actor } from '../auth/actor.js';
import type { SkpService } from '../skp/skp.service.js';
import { skpDocument } from './skp-pdf.js';

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')),
  'Roboto',
);
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents hold user text only: nothing but the bundled fonts may be read, and no URL fetched.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === fontDir);

export function createDokumenService(deps: {
  skp: Pick<SkpService, 'detail' | 'bawahan'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { skp } = deps;

  return {
    /** The SKP as the official A4 document; a plan not yet approved carries a draft mark. */
    async skpPdf(actor: Actor, id: number): Promise<{ filename: string; data: Buffer }> {
      const detail = await skp.detail(actor, id);
      // The reader is in the plan's instansi (the access rule requires it), so their zone dates the signature.
      const tanggalDisetujui = detail.disetujuiAt
        ? dateInZone(new Date(detail.disetujuiAt), await deps.zonaWaktu(actor.instansiId))
        : null;
      const data = await pdfmake.createPdf(skpDocument(detail, { tanggalDisetujui })).getBuffer();
      return {
        // The printed NIP is grouped with spaces (SPEC §9); a file name wants the bare digits.
        filename: `SKP-${detail.identitas.pegawai.nip.replace(/\D/g, '')}-${detail.tahun}-v${detail.versi}.pdf`,
        data,
      };
    },

    /**
     * The SKP bawahan list as a workbook, written row by row to a stream. The list is read first so
     * that refusals still answer as ordinary errors before any byte is sent.
     */
    async skpBawahanXlsx(
      actor: Actor,
      query: z.infer<typeof SkpBawahanQuery>,
    ): Promise<{ filename: string; stream: Readable }> {
      const [{ items }, zona] = await Promise.all([
        skp.bawahan(actor, query),
        deps.zonaWaktu(actor.instansiId),
      ]);
      const stream = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet(`SKP Bawahan ${query.tahun}`, {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = [
        { key: 'no', width: 6 },
        // NIP is an identifier of 18 digits: stored as text, never as a (rounded) number.
        { key: 'nip', width: 22, style: { numFmt: '@' } },
        { key: 'nama', width: 36 },
        { key: 'jabatan', width: 40 },
        { key: 'status', width: 14 },
        { key: 'diajukan', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
        { key: 'terlambat', width: 11 },
      ];
      sheet.autoFilter = 'A1:G1';

      const write = async () => {
        const header = sheet.addRow(['No', 'NIP', 'Nama', 'Jabatan', 'Status SKP', 'Diajukan', 'Terlambat']);
        header.font = { bold: true };
        header.commit();
        items.forEach((item, i) => {
          const row = sheet.addRow({
            no: i + 1,
            nip: item.nip,
            nama: item.namaLengkap,
            jabatan: item.jabatanNama ?? '',
            status: item.status ? STATUS_SKP_LABEL[item.status] : 'Belum ada',
            // Excel dates have no zone: the calendar day in the instansi's zone, at midnight UTC.
            diajukan: item.diajukanAt
              ? new Date(`${dateInZone(new Date(item.diajukanAt), zona)}T00:00:00Z`)
              : null,
            terlambat: item.terlambat ? 'Ya' : 'Tidak',
          });
          row.getCell('nip').numFmt = '@';
          row.commit();
        });
        await workbook.commit();
      };
      write().catch((err: Error) => stream.destroy(err));
      return {
        filename: `SKP-bawahan-${query.tahun}.xlsx`,
        stream,
      };
    },
  };
}

export type DokumenService = ReturnType<typeof createDokumenService>;
