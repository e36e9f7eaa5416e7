/**
 * Issue 15, part 6: the OpenAPI document (/api/openapi.json) is one an integrator can generate a
 * client from (ADR 0013). It lints with no error under Redocly's recommended rules, leaving only the
 * warnings the ADR explains; every operation has its own operationId and the security its access rule
 * enforces (checked against the answers of the app itself); and a TypeScript client generated from it
 * with swagger-typescript-api type-checks, under the project's tsc, a program calling /api/v1, while
 * the same program reading a field the API does not have fails.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateApi } from 'swagger-typescript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { buildOrg } from './org.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const REDOCLY = require.resolve('@redocly/cli/bin/cli.js');
const TSC = path.resolve('node_modules/.bin/tsc');

interface Operasi {
  operationId?: string;
  security?: Record<string, string[]>[];
}
type Dokumen = { servers: { url: string }[]; paths: Record<string, Record<string, Operasi>> };

/** Warnings left on purpose, each explained in ADR 0013: `rule path`. */
const PERINGATAN_DIJELASKAN = [
  'no-ambiguous-paths /api/dialog/pegawai/{id} /api/dialog/{id}/penilaian',
  'no-ambiguous-paths /api/realisasi/pegawai/{id} /api/realisasi/{id}/berkas',
  'no-ambiguous-paths /api/realisasi/pegawai/{id} /api/realisasi/{id}/log',
  'no-ambiguous-paths /api/realisasi/pegawai/{id} /api/realisasi/{id}/nilai',
  'no-ambiguous-paths /api/realisasi/{id}/berkas/{buktiId} /api/realisasi/{rhkId}/{periode}/log',
  'no-ambiguous-paths /api/realisasi/{id}/log/{logId} /api/realisasi/{rhkId}/{periode}/log',
  // GET /api/health and GET /api/auth/sso (the login page's SSO buttons) take no input and no
  // credential: they have no 4xx answer to declare.
  'operation-4xx-response #/paths/~1api~1auth~1sso/get/responses',
  'operation-4xx-response #/paths/~1api~1health/get/responses',
];

/** Where the application is reached, as production must set it (a localhost server draws a warning). */
const PUBLIC_URL = 'https://kinerja.pemda-uji.go.id';

/** The names generated clients call on the integration API: renaming one breaks them. */
const OPERASI_V1 = {
  'GET /api/v1/pegawai': 'getV1Pegawai',
  'PUT /api/v1/pegawai': 'putV1Pegawai',
  'GET /api/v1/evaluasi': 'getV1Evaluasi',
  'POST /api/v1/kehadiran': 'postV1Kehadiran',
};

let h: Harness;
let doc: Dokumen;
let dir: string;

beforeAll(async () => {
  h = await createHarness({ env: { PUBLIC_URL } });
  doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-openapi-'));
  await writeFile(path.join(dir, 'openapi.json'), JSON.stringify(doc));
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

function semuaOperasi() {
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, method, path: p, op })),
  );
}

/** A command's output whether it exited 0 or not (Redocly and tsc exit non-zero on findings). */
async function jalankan(file: string, args: string[]) {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  return run(file, args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  );
}

describe('the OpenAPI document', () => {
  it('lints with 0 errors under Redocly recommended, its only warnings the explained ones', async () => {
    const lint = await jalankan(process.execPath, [
      REDOCLY,
      'lint',
      '--extends=recommended',
      '--format=json',
      '--max-problems=100000',
      'openapi.json',
    ]);
    const hasil = JSON.parse(lint.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const temuan = (severity: string) =>
      hasil.problems
        .filter((p) => p.severity === severity)
        .map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(temuan('error')).toEqual([]);
    expect(doc.servers.map((s) => s.url)).toEqual([PUBLIC_URL]);
    expect(lint.code).toBe(0);
    // An ambiguous path is named with the one it clashes with (`rule pathA pathB`), others by place.
    const peringatan = hasil.problems
      .filter((p) => p.severity === 'warn')
      .map((p) => {
        const paths = [...p.message.matchAll(/`(\/[^`]+)`/g)].map((m) => m[1]).sort();
        return `${p.ruleId} ${paths.length ? paths.join(' ') : p.location[0]?.pointer}`;
      });
    expect(peringatan.sort()).toEqual([...PERINGATAN_DIJELASKAN].sort());
  });

  it('names every operation once, the integration routes by their fixed names', () => {
    const ops = semuaOperasi();
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => !o.op.operationId).map((o) => o.key)).toEqual([]);
    const ids = ops.map((o) => o.op.operationId!);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z]+[A-Za-z0-9]*$/.test(id))).toEqual([]);
    const v1 = ops.filter((o) => o.path.startsWith('/api/v1/'));
    expect(Object.fromEntries(v1.map((o) => [o.key, o.op.operationId]))).toEqual(OPERASI_V1);
  });

  it('gives each operation the security its access rule enforces', async () => {
    const org = await buildOrg(h.db);
    const sesi = await h.login(org.adminBkd.nip);
    const salah: string[] = [];
    for (const { key, method, path: p, op } of semuaOperasi()) {
      const url = p.replace(/\{\w+\}/g, '1');
      const m = method.toUpperCase() as 'GET';
      const tanpa = await h.app.inject({ method: m, url, payload: m === 'GET' ? undefined : {} });
      const code = tanpa.statusCode === 401 ? (tanpa.json().error.code as string) : null;
      let harus: Operasi['security'] = [];
      if (code === 'TOKEN_API_TIDAK_ADA') harus = [{ bearerAuth: [] }];
      else if (code === 'UNAUTHENTICATED' && m === 'GET') harus = [{ sesi: [] }];
      else if (code === 'UNAUTHENTICATED') {
        // A write with the session but without the CSRF header is refused before anything runs.
        const tanpaCsrf = await h.app.inject({
          method: m,
          url,
          payload: {},
          headers: { cookie: sesi.cookie },
        });
        expect(tanpaCsrf.json().error?.code, key).toBe('CSRF_INVALID');
        harus = [{ sesi: [], csrf: [] }];
      }
      if (JSON.stringify(op.security) !== JSON.stringify(harus)) {
        salah.push(`${key}: ${JSON.stringify(op.security)}, harus ${JSON.stringify(harus)}`);
      }
    }
    expect(salah).toEqual([]);
  });
});

/** Reads and writes of an attendance system through the generated client, using its response types. */
const PROGRAM = `
import { Api } from './Api';

const api = new Api<string>({
  baseUrl: 'https://kinerja.pemda.go.id',
  securityWorker: (token) => (token ? { headers: { Authorization: \`Bearer \${token}\` } } : {}),
});
api.setSecurityData('ekin_rahasia');

export async function semuaNip(): Promise<string[]> {
  const nip: string[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await api.api.getV1Pegawai({ limit: 1000, cursor });
    nip.push(...data.items.map((p) => p.nip));
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return nip;
}

export async function predikatTahunan(tahun: number): Promise<Map<string, string | null>> {
  const { data } = await api.api.getV1Evaluasi({ tahun });
  return new Map(data.items.map((e) => [e.nip, e.tahunan?.predikatAkhir ?? null]));
}

export async function kirimKehadiran(): Promise<number> {
  const { data } = await api.api.postV1Kehadiran({
    mode: 'commit',
    baris: [{ nip: '198503302010011002', tanggal: '2026-03-02', status: 'Hadir', jamMasuk: '07:28' }],
  });
  return data.barisValid;
}

export async function ubahPegawai(): Promise<string[]> {
  const { data } = await api.api.putV1Pegawai({
    mode: 'dry-run',
    pegawai: [
      {
        nip: '198503302010011002',
        nama: 'Rahmat Hidayat',
        jenisAsn: 'PNS',
        golongan: 'III/b',
        jabatan: 'Pranata Komputer Ahli Pertama',
        unor: 'Bidang Informasi Kepegawaian',
      },
    ],
  });
  return data.perubahan.map((p) => \`\${p.nip}: \${p.status}\`);
}
`;

describe('a client generated from it', () => {
  it('type-checks a program calling /api/v1, and refuses one reading a field the API lacks', async () => {
    await generateApi({
      spec: doc as never,
      output: dir,
      fileName: 'Api.ts',
      httpClientType: 'fetch',
      silent: true,
    });
    await writeFile(path.join(dir, 'program.ts'), PROGRAM);
    const salah = PROGRAM.replace('e.tahunan?.predikatAkhir', 'e.tahunan?.predikatAkir');
    expect(salah).not.toBe(PROGRAM);
    await writeFile(path.join(dir, 'salah.ts'), salah);
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM'],
          types: [],
          strict: true,
          noEmit: true,
        },
        files: ['program.ts', 'salah.ts'],
      }),
    );
    const tsc = await jalankan(TSC, ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false']);
    const galat = tsc.stdout.split('\n').filter((l) => l.includes('error TS'));
    // Api.ts and program.ts check clean; the one error is the misspelt field.
    expect(galat).toEqual([expect.stringMatching(/^salah\.ts\(\d+,\d+\): error TS\d+: .*'predikatAkir'/)]);
  });
});
