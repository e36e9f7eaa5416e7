/**
 * Many instansi on one installation (issue 17): an admin, a head of region, an assessor or an API
 * token of one instansi sees nothing of another. Instansi A is filled through the API (a plan, a
 * month's realisasi with evidence, a daily log, a dialog, a holiday, an API token); instansi B gets
 * the same people in an empty instansi. Every GET route of the OpenAPI document is called by each of
 * B's actors, with A's real ids in its path and A's units, employee and NIP in its filters. No answer
 * may be a 5xx; none (JSON, CSV, XLSX cells or PDF text) may contain A's NIPs, its instansi code or the
 * text A wrote; a request naming one of A's rows by id must be refused (unit and person names are the
 * same in both instansi, so only a refusal proves the row was not read).
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { createHarness, type Harness } from './harness.js';
import { buildOrg, type Org } from './org.js';
import { pdfText } from './pdf-text.js';
import { contoh, type IdNyata, isiDataNyata, nilaiParam, type Operasi, operasiDengan } from './rute-nyata.js';

let h: Harness;
let a: Org;
let b: Org;
let idA: IdNyata;
let operasi: [string, string, Operasi][];
const aktorB: Record<string, Record<string, string>> = {};
/** Text that only instansi A's rows hold. */
let penanda: string[] = [];

/** Path params that name a period or a code, not a row: they carry nothing of A. */
const BUKAN_ID = new Set(['periode', 'bulan', 'tanggal', 'tahun', 'triwulan', 'kode', 'jenis', 'bagian']);
/** The routes every session may read whatever its instansi: the contract and the process's health. */
const UMUM = new Set(['/api/openapi.json', '/api/health']);

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z', env: { API_RATE_LIMIT: '1000000' } });
  a = await buildOrg(h.db);
  ({ idNyata: idA } = await isiDataNyata(h, a));
  b = await buildOrg(h.db);
  // The one column of A that differs from B's besides NIPs and ids.
  const [kodeA] = await rows<{ kode: string }>(
    h.db,
    sql`SELECT kode FROM instansi WHERE id = ${a.instansiId}`,
  );
  penanda = [
    kodeA!.kode,
    'Menghimpun data',
    'Kemajuan bulan Juli',
    'Lengkapi data',
    'Hari Kemerdekaan',
    'https://contoh.go.id/bukti',
    ...Object.values(a)
      .filter((v): v is { id: number; nip: string } => typeof v === 'object' && 'nip' in v)
      .map((p) => p.nip),
  ];

  const sesi = async (nip: string) => {
    const c = await h.login(nip);
    return { cookie: c.cookie, 'x-csrf-token': c.csrfToken };
  };
  aktorB.adminBkd = await sesi(b.adminBkd.nip);
  aktorB.adminOpd = await sesi(b.adminOpd.nip);
  aktorB.timPenilai = await sesi(b.timPenilai.nip);
  aktorB.gubernur = await sesi(b.gubernur.nip);
  aktorB.pengawas = await sesi(b.pengawas.nip);
  const token = await h.app.inject({
    method: 'POST',
    url: '/api/token-api',
    headers: aktorB.adminBkd,
    payload: { nama: 'Integrasi B', cakupan: ['BACA_PEGAWAI', 'BACA_EVALUASI'], berlakuHari: 30 },
  });
  expect(token.statusCode, token.body).toBe(200);
  aktorB.token = { authorization: `Bearer ${token.json().token}` };

  const api = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
  operasi = operasiDengan(api, (m) => m === 'get').filter(([path]) => !UMUM.has(path));
}, 240_000);
afterAll(() => h.close());

/** A's rows and filters in a route's URL; whether a path param named one of A's rows. */
function urlMenujuA(path: string, op: Operasi): { url: string; menamaiBaris: boolean } {
  let menamaiBaris = false;
  const url = path.replace(/\{(\w+)\}/g, (_, n: string) => {
    if (!BUKAN_ID.has(n)) menamaiBaris = true;
    return nilaiParam(idA, path, n);
  });
  const filterA: Record<string, string | number> = {
    q: a.pelaksana.nip,
    nip: a.pelaksana.nip,
    opdId: a.unor.opd.id,
    unorId: a.unor.seksi.id,
    pegawaiId: a.pelaksana.id,
    instansiId: a.instansiId,
  };
  const query = (op.parameters ?? [])
    .filter((p) => p.in === 'query' && (p.required || p.name in filterA))
    .map((p) => `${p.name}=${encodeURIComponent(String(filterA[p.name] ?? contoh(p.schema)))}`);
  return { url: query.length ? `${url}?${query.join('&')}` : url, menamaiBaris };
}

/** Every piece of text in an answer, whatever its format. */
async function teksJawaban(contentType: string, body: Buffer): Promise<string> {
  if (contentType.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const sel: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => sel.push(String(c.text))));
    return sel.join('\n');
  }
  if (contentType.includes('pdf')) return pdfText(body);
  return body.toString('utf8');
}

/** Walks every read route as each actor; what came back 5xx, read a named row, or held A's text. */
async function jelajahi(aktor: Record<string, Record<string, string>>) {
  const galat: string[] = [];
  const barisDibaca: string[] = [];
  const memuatA: string[] = [];
  for (const [path, , op] of operasi) {
    const { url, menamaiBaris } = urlMenujuA(path, op);
    const siapa = Object.entries(aktor).filter(([k]) => (k === 'token') === path.startsWith('/api/v1/'));
    for (const [nama, headers] of siapa) {
      const res = await h.app.inject({ method: 'GET', url, headers });
      const tempat = `GET ${url} sebagai ${nama} → ${res.statusCode}`;
      if (res.statusCode >= 500) {
        galat.push(`${tempat} ${res.body.slice(0, 160)}`);
        continue;
      }
      if (res.statusCode < 300 && menamaiBaris) barisDibaca.push(tempat);
      const teks = await teksJawaban(String(res.headers['content-type'] ?? ''), res.rawPayload);
      const bocor = penanda.filter((p) => teks.includes(p));
      if (bocor.length) memuatA.push(`${tempat}: memuat ${bocor.join(', ')}`);
    }
  }
  return { galat, barisDibaca, memuatA };
}

describe('one installation, many instansi: nothing of one instansi reaches another', () => {
  it("every read route, as each of instansi B's actors, with instansi A's ids and filters", async () => {
    expect(operasi.length).toBeGreaterThan(80);
    const { galat, barisDibaca, memuatA } = await jelajahi(aktorB);
    expect(galat).toEqual([]);
    expect(barisDibaca).toEqual([]);
    expect(memuatA).toEqual([]);
  }, 600_000);

  it("the same walk as instansi A's own admin and assessor reads A's rows (the check sees a leak)", async () => {
    const sesi = async (nip: string) => {
      const c = await h.login(nip);
      return { cookie: c.cookie, 'x-csrf-token': c.csrfToken };
    };
    const { galat, barisDibaca, memuatA } = await jelajahi({
      adminBkd: await sesi(a.adminBkd.nip),
      pengawas: await sesi(a.pengawas.nip),
    });
    expect(galat).toEqual([]);
    expect(barisDibaca.length).toBeGreaterThan(20);
    expect(memuatA.length).toBeGreaterThan(20);
  }, 600_000);
});
