/**
 * Real rows behind every route of the app's own OpenAPI, for the tests that walk all of them (the bad
 * input fuzzer, the instansi isolation check): a pelaksana's approved plan, a July realisasi with
 * evidence, a daily log entry, a dialog with a follow-up, a holiday and an API token, with the
 * sessions that made them and a plausible value for any schema or path param.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { rows } from '../src/db/client.js';
import type { Harness } from './harness.js';
import type { Org } from './org.js';
import { stafDenganRencana } from './siklus.js';

export interface Skema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  nullable?: boolean;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, Skema>;
  additionalProperties?: Skema | boolean;
  items?: Skema;
  oneOf?: Skema[];
  anyOf?: Skema[];
}
export interface Operasi {
  description?: string;
  parameters?: { in: 'path' | 'query'; name: string; required?: boolean; schema: Skema }[];
  requestBody?: { content: Record<string, { schema: Skema }> };
}

export type Api = Record<string, Record<string, Operasi>>;
export type IdNyata = Record<
  | 'pegawai'
  | 'skp'
  | 'realisasi'
  | 'realisasiLog'
  | 'rhkId'
  | 'logId'
  | 'buktiId'
  | 'dialog'
  | 'tindakLanjut'
  | 'libur'
  | 'tokenId'
  | 'unorId'
  | 'opdId',
  number
>;

/** Fills the org's instansi through the API; the clock ends on 3 August 2026, July's window open. */
export async function isiDataNyata(h: Harness, org: Org) {
  const { rhkStaf } = await stafDenganRencana(h, org);
  // 10:00 WITA on 3 August: July's input window is open.
  h.clock.set('2026-08-03T02:00:00Z');
  const staf = await h.login(org.pelaksana.nip);
  const kasi = await h.login(org.pengawas.nip);
  const admin = await h.login(org.adminBkd.nip);
  const ok = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  const realisasi = ok(
    await staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      nilai: 1,
      satuan: 'data',
      buktiDukung: [{ url: 'https://contoh.go.id/bukti', deskripsi: 'Daftar hadir' }],
    }),
  );
  const log = ok(
    await staf.post(`/api/realisasi/${rhkStaf[1]}/2026-07/log`, {
      tanggal: '2026-07-14',
      jamMulai: '08:00',
      jamSelesai: '11:30',
      kegiatan: 'Menghimpun data',
      kuantitas: 2,
      satuan: 'data',
      buktiDukung: null,
    }),
  );
  const dialog = ok(
    await kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      tanggal: '2026-07-20',
      jenis: 'PEMANTAUAN',
      topik: 'Kemajuan bulan Juli',
      tindakLanjut: [{ uraian: 'Lengkapi data', penanggungJawabId: org.pelaksana.id, tenggat: '2026-08-20' }],
    }),
  );
  const libur = ok(
    await admin.post('/api/kehadiran/libur', { tanggal: '2026-08-17', keterangan: 'Hari Kemerdekaan' }),
  );
  const token = ok(
    await admin.post('/api/token-api', {
      nama: 'Uji masukan buruk',
      cakupan: ['BACA_PEGAWAI', 'BACA_EVALUASI', 'TULIS_KEHADIRAN', 'TULIS_PEGAWAI'],
      berlakuHari: 30,
    }),
  );
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`SELECT id FROM skp WHERE pegawai_id = ${org.pelaksana.id}`,
  );
  const idNyata: IdNyata = {
    pegawai: org.pelaksana.id,
    skp: skp!.id,
    realisasi: realisasi.id,
    realisasiLog: log.realisasiId,
    rhkId: rhkStaf[0]!,
    logId: log.entri[0].id,
    buktiId: realisasi.buktiDukung[0].id,
    dialog: dialog.id,
    tindakLanjut: dialog.tindakLanjut[0].id,
    libur: libur.id,
    tokenId: token.item.id,
    unorId: org.unor.seksi.id,
    opdId: org.unor.opd.id,
  };

  const sesi = (c: { cookie: string; csrfToken: string }) => ({
    cookie: c.cookie,
    'x-csrf-token': c.csrfToken,
  });
  const aktor = {
    admin: sesi(admin),
    pegawai: sesi(staf),
    token: { authorization: `Bearer ${token.token}` },
  };

  const api: Api = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
  return { idNyata, aktor, api };
}

/** A real id or value for a path param, so a request that passes validation reaches real rows. */
export function nilaiParam(idNyata: IdNyata, path: string, name: string): string {
  const per: Record<string, number | string> = {
    rhkId: idNyata.rhkId,
    logId: idNyata.logId,
    buktiId: idNyata.buktiId,
    tokenId: idNyata.tokenId,
    unorId: idNyata.unorId,
    opdId: idNyata.opdId,
    periode: '2026-07',
    bulan: '2026-07',
    tanggal: '2026-07-14',
    kode: 'ABCDE-23456',
    tahun: 2026,
    triwulan: 3,
  };
  if (name in per) return String(per[name]);
  const menurutAwalan: [RegExp, number][] = [
    [/^\/api\/realisasi\/\{id\}\/log/, idNyata.realisasiLog],
    [/^\/api\/realisasi\/\{id\}/, idNyata.realisasi],
    [/^\/api\/(skp|evaluasi\/skp|dokumen\/skp)\//, idNyata.skp],
    [/^\/api\/dialog\/tindak-lanjut\//, idNyata.tindakLanjut],
    [/^\/api\/dialog\/\{id\}/, idNyata.dialog],
    [/^\/api\/kehadiran\/libur\//, idNyata.libur],
  ];
  return String(menurutAwalan.find(([re]) => re.test(path))?.[1] ?? idNyata.pegawai);
}

/** A plausible value for a schema: the base every bad body changes in one place. */
export function contoh(s: Skema): unknown {
  const pilihan = s.oneOf ?? s.anyOf;
  if (pilihan) return contoh(pilihan.find((p) => p.type !== 'null') ?? pilihan[0]!);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') return '2026-08-10T08:00:00+08:00';
      if (s.pattern) {
        const re = new RegExp(s.pattern, 'u');
        return ['2026-07', '2026-07-14', '07-31', '07:30', '12', '2026'].find((v) => re.test(v)) ?? '1';
      }
      return 'Teks uji';
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => contoh(s.items ?? {}));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = contoh(v);
      if (typeof s.additionalProperties === 'object') o['1'] = contoh(s.additionalProperties);
      return o;
    }
    default:
      return null;
  }
}

export function operasiDengan(
  api: Api,
  cocok: (method: string, op: Operasi) => boolean,
): [string, string, Operasi][] {
  return Object.entries(api).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m, op]) => cocok(m, op))
      .map(([m, op]) => [path, m, op] as [string, string, Operasi]),
  );
}
