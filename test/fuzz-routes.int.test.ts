/**
 * Bad input on every route of the app's own OpenAPI (issue 12, "500 instead of 400"): each write route
 * gets wrong types, nulls, NUL bytes and unpaired surrogates in every string, 1 MB strings, huge
 * numbers, arrays for objects, `__proto__` keys and broken JSON; each query string and path param gets
 * the same; the multipart routes get broken bodies. No answer may be a 5xx, text with NUL or half a
 * surrogate pair must be refused as 400 naming its field, and nothing may be written (every table's
 * row count, audit_log's included, is the same after).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { PESAN_TEKS_TERLARANG } from '../src/domain/teks.js';
import { createHarness, type Harness } from './harness.js';
import { buildOrg } from './org.js';
import {
  type Api,
  contoh,
  type IdNyata,
  isiDataNyata,
  nilaiParam,
  type Operasi,
  operasiDengan,
  type Skema,
} from './rute-nyata.js';

type Metode = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request of the run: how it was made, for the failure message. */
interface Kiriman {
  label: string;
  method: Metode;
  url: string;
  payload?: string;
  contentType?: string;
  /** Set when the request puts forbidden text in this field: it must be refused there. */
  teksBuruk?: string;
}

const NUL = 'ab\u0000cd';
const SEPARUH = 'ab\uD800cd';
const SEJUTA = 'a'.repeat(1_000_000);
const ANGKA_BESAR = [1e308, -1e308, 2 ** 63];
/** One past PostgreSQL's integer: ids and versions are integer columns. */
const LEWAT_INT = 2 ** 31;

let h: Harness;
let api: Api;
let aktor: Awaited<ReturnType<typeof isiDataNyata>>['aktor'];
let idNyata: IdNyata;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z', env: { API_RATE_LIMIT: '1000000' } });
  ({ idNyata, aktor, api } = await isiDataNyata(h, await buildOrg(h.db)));
}, 180_000);
afterAll(() => h.close());

function pilihanUtama(s: Skema): Skema {
  const pilihan = s.oneOf ?? s.anyOf;
  return pilihan ? pilihanUtama(pilihan.find((p) => p.type !== 'null') ?? pilihan[0]!) : s;
}

type Jalur = (string | number)[];
const pasang = (akar: unknown, jalur: Jalur, nilai: unknown): unknown => {
  if (jalur.length === 0) return nilai;
  const salinan = structuredClone(akar) as Record<string | number, unknown>;
  const [k, ...sisa] = jalur;
  salinan[k!] = pasang(salinan[k!], sisa, nilai);
  return salinan;
};

/** Each bad value for each place of the schema, the rest of the body left plausible. */
function gantiSatuSatu(s: Skema, akar: unknown, jalur: Jalur = []): [string, unknown, string?][] {
  const t = pilihanUtama(s);
  const nama = jalur.join('.') || '(isi)';
  const ganti = (label: string, nilai: unknown, teksBuruk?: string): [string, unknown, string?] => [
    `${nama} ← ${label}`,
    pasang(akar, jalur, nilai),
    teksBuruk,
  ];
  const out: [string, unknown, string?][] = [];
  if (!t.nullable && jalur.length) out.push(ganti('null', null));
  if (t.type === 'string') {
    // Enums and date-time formats refuse such text by their own rule, with their own message.
    const bebas = !t.enum && !t.format;
    out.push(
      ganti('NUL', NUL, bebas ? nama : undefined),
      ganti('surrogate tanpa pasangan', SEPARUH, bebas ? nama : undefined),
      ganti('1 MB', SEJUTA),
      ganti('angka', 12345),
    );
  } else if (t.type === 'integer' || t.type === 'number') {
    for (const n of ANGKA_BESAR) out.push(ganti(String(n), n));
    if (t.type === 'integer') out.push(ganti('2^31', LEWAT_INT));
    out.push(ganti('teks', '12'));
  } else if (t.type === 'boolean') {
    out.push(ganti('teks', 'true'));
  } else if (t.type === 'array') {
    out.push(ganti('objek', {}));
    if (t.items) out.push(...gantiSatuSatu(t.items, akar, [...jalur, 0]));
  } else if (t.type === 'object') {
    if (jalur.length) out.push(ganti('larik', [contoh(t)]));
    for (const [k, v] of Object.entries(t.properties ?? {}))
      out.push(...gantiSatuSatu(v, akar, [...jalur, k]));
    if (typeof t.additionalProperties === 'object') {
      out.push(...gantiSatuSatu(t.additionalProperties, akar, [...jalur, '1']));
      const kunciBuruk = { ...(contoh(t) as object), [NUL]: contoh(t.additionalProperties) };
      out.push(ganti('kunci dengan NUL', kunciBuruk));
    }
  }
  return out;
}

/** Bodies that are wrong whatever the route: the whole body of the wrong kind, and broken JSON. */
function isiSalahUmum(dasar: unknown): [string, string][] {
  const json = JSON.stringify(dasar);
  const tanpaKurung = json.startsWith('{') && json.length > 2 ? `,${json.slice(1)}` : '}';
  return [
    ['null', 'null'],
    ['larik kosong', '[]'],
    ['larik berisi isi', `[${json}]`],
    ['teks', '"isi"'],
    ['angka', '1e308'],
    ['angka di luar double', '1e400'],
    ['__proto__', `{"__proto__":{"isAdmin":true}${tanpaKurung}`],
    ['constructor.prototype', `{"constructor":{"prototype":{"isAdmin":true}}${tanpaKurung}`],
    ['JSON terpotong', json.slice(0, Math.max(1, json.length - 1))],
    ['JSON rusak', '{"a":'],
    ['kosong', ''],
  ];
}

/** Broken multipart bodies for the upload routes. */
function multipartRusak(): { label: string; contentType: string; payload: string }[] {
  const b = 'XbatasX';
  const ct = `multipart/form-data; boundary=${b}`;
  const bagian = (header: string, isi: string) => `--${b}\r\n${header}\r\n\r\n${isi}\r\n`;
  const berkas = 'Content-Disposition: form-data; name="file"; filename="data.csv"';
  return [
    { label: 'terpotong', contentType: ct, payload: `--${b}\r\n${berkas}\r\n\r\nNIP,Nama\r\n1990` },
    { label: 'tanpa batas penutup', contentType: ct, payload: bagian(berkas, 'NIP,Nama') },
    { label: 'sampah', contentType: ct, payload: 'ini bukan multipart' },
    { label: 'tanpa boundary', contentType: 'multipart/form-data', payload: bagian(berkas, 'x') },
    { label: 'boundary kosong', contentType: 'multipart/form-data; boundary=', payload: '--\r\n' },
    {
      label: 'boundary 300 karakter',
      contentType: `multipart/form-data; boundary=${'b'.repeat(300)}`,
      payload: `--${'b'.repeat(300)}\r\n${berkas}\r\n\r\nx\r\n--${'b'.repeat(300)}--\r\n`,
    },
    {
      label: 'nama field __proto__',
      contentType: ct,
      payload: `${bagian('Content-Disposition: form-data; name="__proto__"', 'x')}--${b}--\r\n`,
    },
    {
      label: 'nama berkas dengan NUL, isi bukan berkas yang diterima',
      contentType: ct,
      payload: `${bagian(
        `Content-Disposition: form-data; name="deskripsi"`,
        'Bukti',
      )}${bagian(`Content-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.csv`, '\u0000\u0001')}--${b}--\r\n`,
    },
    { label: 'JSON ke rute berkas', contentType: 'application/json', payload: '{"file":"x"}' },
    { label: 'teks biasa ke rute berkas', contentType: 'text/plain', payload: 'x' },
    { label: 'kosong', contentType: ct, payload: '' },
  ];
}

/** Bad values for one query-string or path parameter. */
function nilaiBuruk(s: Skema): [string, string, boolean][] {
  const t = pilihanUtama(s);
  if (t.type === 'integer' || t.type === 'number')
    return [
      ['teks', 'abc', false],
      ['1e308', '1e308', false],
      ['2^63', '9223372036854775808', false],
      ['2^31', '2147483648', false],
      ['negatif', '-1', false],
    ];
  if (t.type !== 'string') return [['teks', 'abc', false]];
  const bebas = !t.enum && !t.format;
  return [
    ['NUL', '%00', bebas],
    ['NUL di tengah', 'ab%00cd', bebas],
    ['20.000 karakter', 'a'.repeat(20_000), false],
  ];
}

function urlDengan(path: string, params: Record<string, string>, query: Record<string, string>) {
  const p = path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? nilaiParam(idNyata, path, n));
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return qs ? `${p}?${qs}` : p;
}

/** Every bad request for one operation: its body, each query parameter, each path parameter. */
function kirimanUntuk(path: string, m: string, op: Operasi): Kiriman[] {
  const method = m.toUpperCase() as Metode;
  const out: Kiriman[] = [];
  const params = op.parameters ?? [];
  const queryWajib = Object.fromEntries(
    params
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => [p.name, encodeURIComponent(String(contoh(p.schema)))]),
  );
  const urlDasar = urlDengan(path, {}, queryWajib);
  const skema = op.requestBody?.content['application/json']?.schema;
  const isiDasar = skema ? JSON.stringify(contoh(skema)) : undefined;

  for (const p of params) {
    for (const [label, nilai, teksBuruk] of nilaiBuruk(p.schema)) {
      const url =
        p.in === 'path'
          ? urlDengan(path, { [p.name]: nilai }, queryWajib)
          : urlDengan(path, {}, { ...queryWajib, [p.name]: nilai });
      out.push({
        label: `${p.in}.${p.name} ← ${label}`,
        method,
        url,
        ...(isiDasar ? { payload: isiDasar, contentType: 'application/json' } : {}),
        ...(teksBuruk ? { teksBuruk: `${p.in === 'path' ? 'params' : 'querystring'}.${p.name}` } : {}),
      });
    }
  }
  if (method === 'GET') return out;

  if (skema) {
    const dasar = contoh(skema);
    for (const [label, payload] of isiSalahUmum(dasar))
      out.push({ label: `isi ← ${label}`, method, url: urlDasar, payload, contentType: 'application/json' });
    for (const [label, isi, teksBuruk] of gantiSatuSatu(skema, dasar))
      out.push({
        label,
        method,
        url: urlDasar,
        payload: JSON.stringify(isi),
        contentType: 'application/json',
        ...(teksBuruk ? { teksBuruk: `body.${teksBuruk}` } : {}),
      });
  }
  if (/multipart/i.test(op.description ?? ''))
    for (const mp of multipartRusak())
      out.push({ ...mp, label: `multipart ${mp.label}`, method, url: urlDasar });
  return out;
}

/** Row count of every table: a write anywhere shows here (every change also writes audit_log). */
async function jumlahBaris(): Promise<Record<string, number>> {
  const tabel = await rows<{ table_name: string }>(
    h.db,
    sql`SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tabel) {
    const [r] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)}`,
    );
    out[table_name] = r!.n;
  }
  return out;
}

async function kirim(k: Kiriman, headers: Record<string, string>) {
  return h.app.inject({
    method: k.method,
    url: k.url,
    headers: { ...headers, ...(k.contentType ? { 'content-type': k.contentType } : {}) },
    ...(k.payload === undefined ? {} : { payload: k.payload }),
  });
}

/** Sends each request as the actors of its route; returns what went wrong, one line each. */
async function jalankan(operasi: [string, string, Operasi][]) {
  const salah: string[] = [];
  let jumlah = 0;
  for (const [path, m, op] of operasi) {
    const siapa = path.startsWith('/api/v1/') ? [aktor.token] : [aktor.admin, aktor.pegawai];
    for (const k of kirimanUntuk(path, m, op)) {
      for (const headers of siapa) {
        jumlah++;
        const res = await kirim(k, headers).catch((err: Error) => err);
        if (res instanceof Error) {
          salah.push(`${k.method} ${path} [${k.label}] → ${res.message}`);
          continue;
        }
        const tempat = `${k.method} ${path} [${k.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) salah.push(`${tempat} ${res.body.slice(0, 200)}`);
        // Refused before validation (not allowed to call the route at all): the text reached nothing.
        else if (k.teksBuruk && res.statusCode !== 401 && res.statusCode !== 403) {
          const details: unknown = res.statusCode === 400 ? res.json().error?.details : undefined;
          const disebut = (Array.isArray(details) ? details : []).some(
            (d) => d.field === k.teksBuruk && d.message === PESAN_TEKS_TERLARANG,
          );
          if (!disebut) salah.push(`${tempat}: ${k.teksBuruk} tidak ditolak sebagai teks terlarang`);
        }
      }
    }
  }
  return { salah, jumlah };
}

describe('every route answers bad input with 4xx and writes nothing', () => {
  it('write routes (POST, PUT, PATCH, DELETE): bodies, query strings and params', async () => {
    const tulis = operasiDengan(api, (m) => ['post', 'put', 'patch', 'delete'].includes(m));
    // Logging out ends the session the run uses: its body is ignored, and it has no params.
    const diuji = tulis.filter(([path]) => path !== '/api/auth/logout');
    expect(diuji.length).toBeGreaterThan(60);
    const sebelum = await jumlahBaris();
    const { salah, jumlah } = await jalankan(diuji);
    expect(jumlah).toBeGreaterThan(4000);
    expect(salah).toEqual([]);
    expect(await jumlahBaris()).toEqual(sebelum);
  }, 600_000);

  it('read routes: each query string and path param', async () => {
    const baca = operasiDengan(api, (m, op) => m === 'get' && (op.parameters ?? []).length > 0);
    expect(baca.length).toBeGreaterThan(50);
    const sebelum = await jumlahBaris();
    const { salah, jumlah } = await jalankan(baca);
    expect(jumlah).toBeGreaterThan(1000);
    expect(salah).toEqual([]);
    expect(await jumlahBaris()).toEqual(sebelum);
  }, 600_000);
});
