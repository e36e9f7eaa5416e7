/**
 * A stand-in for the SIASN web service, for the integration tests and the browser journey: the
 * gateway's OAuth2 token endpoint (client credentials by HTTP Basic), the SSO token endpoint
 * (password grant), and the API under /api, which answers 401 unless a call carries the current
 * tokens as `Authorization: Bearer <gateway>` and `Auth: bearer <SSO>`. Save answers are taken from
 * `antrean` (success by default); every request is logged.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export const AKUN_TIRUAN = {
  clientId: 'klien-uji',
  clientSecret: 'rahasia-klien-uji',
  ssoClientId: 'ekinerja-uji',
  ssoUsername: 'operator.bkd',
  ssoPassword: 'sandi-sso-uji',
};

export interface Permintaan {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Jawaban {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function mulaiSiasnTiruan(port = 0) {
  const log: Permintaan[] = [];
  const antrean: Jawaban[] = [];
  /** NIPs SIASN does not know: data-utama answers 200 without the employee, as SIASN does. */
  const nipTidakDikenal = new Set<string>();
  const berlaku = { gateway: '', sso: '' };
  let nomor = 0;
  let idNasional = 0;

  const server = createServer((req, res) => {
    const bagian: Buffer[] = [];
    req.on('data', (b: Buffer) => bagian.push(b));
    req.on('end', () => {
      const body = Buffer.concat(bagian).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://tiruan').pathname;
      log.push({ method: req.method ?? '', path, headers: req.headers, body });
      const jawab = ({ status, body: isi, headers }: Jawaban) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(isi));
      };
      const form = new URLSearchParams(body);
      if (path === '/oauth2/token') {
        const basic = Buffer.from(`${AKUN_TIRUAN.clientId}:${AKUN_TIRUAN.clientSecret}`).toString('base64');
        if (req.headers.authorization !== `Basic ${basic}` || form.get('grant_type') !== 'client_credentials')
          return jawab({ status: 401, body: { error: 'invalid_client' } });
        berlaku.gateway = `gw-${++nomor}`;
        return jawab({
          status: 200,
          body: { access_token: berlaku.gateway, token_type: 'Bearer', expires_in: 3600 },
        });
      }
      if (path === '/sso/token') {
        const cocok =
          form.get('grant_type') === 'password' &&
          form.get('client_id') === AKUN_TIRUAN.ssoClientId &&
          form.get('username') === AKUN_TIRUAN.ssoUsername &&
          form.get('password') === AKUN_TIRUAN.ssoPassword;
        if (!cocok) return jawab({ status: 401, body: { error: 'invalid_grant' } });
        berlaku.sso = `sso-${++nomor}`;
        return jawab({
          status: 200,
          body: { access_token: berlaku.sso, token_type: 'bearer', expires_in: 1800 },
        });
      }
      if (
        req.headers.authorization !== `Bearer ${berlaku.gateway}` ||
        req.headers.auth !== `bearer ${berlaku.sso}`
      )
        return jawab({ status: 401, body: { code: 900901, message: 'Invalid Credentials' } });
      const nip = path.split('/').at(-1);
      if (path.startsWith('/api/pns/data-utama/'))
        return jawab({
          status: 200,
          body: nipTidakDikenal.has(nip ?? '')
            ? { code: 0, data: 'Data tidak ditemukan' }
            : { data: { id: `pns-${nip}`, nipBaru: nip } },
        });
      if (path.startsWith('/api/pns/rw-skp22/') || path.startsWith('/api/pns/rw-kinerjaperiodik/'))
        return jawab({
          status: 200,
          body: { code: 1, data: [{ tahun: 2025, nip, kuadranKinerjaNilai: '2' }] },
        });
      if (path === '/api/referensi/ref-unor')
        return jawab({ status: 200, body: { data: [{ id: 'U-1', namaUnor: 'Dinas Pendidikan' }] } });
      if (path === '/api/kinerjaperiodik/save' || path === '/api/skp22/save')
        return jawab(
          antrean.shift() ?? {
            status: 200,
            body: {
              success: true,
              mapData: { id: `nas-${++idNasional}` },
              message: 'Data berhasil disimpan',
            },
          },
        );
      return jawab({ status: 404, body: { message: 'Tidak ditemukan' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    log,
    antrean,
    nipTidakDikenal,
    /** The settings body that points the bridge at this server. */
    pengaturan: (pemetaan: unknown, version = 1) => ({
      aktif: true,
      baseUrl: `${url}/api`,
      tokenUrl: `${url}/oauth2/token`,
      ssoTokenUrl: `${url}/sso/token`,
      ...AKUN_TIRUAN,
      pemetaan,
      version,
    }),
    /** The tokens handed out so far stop working (they expired on the server's side). */
    cabutToken() {
      berlaku.gateway = 'dicabut';
      berlaku.sso = 'dicabut';
    },
    simpanan: () => log.filter((r) => r.method === 'POST' && r.path.endsWith('/save')),
    tutup: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SiasnTiruan = Awaited<ReturnType<typeof mulaiSiasnTiruan>>;

/** A complete mapping with recognisable codes. */
export const PEMETAAN_UJI = {
  hasilKinerja: { DI_ATAS_EKSPEKTASI: '1', SESUAI_EKSPEKTASI: '2', DI_BAWAH_EKSPEKTASI: '3' },
  perilakuKerja: { DI_ATAS_EKSPEKTASI: '1', SESUAI_EKSPEKTASI: '2', DI_BAWAH_EKSPEKTASI: '3' },
  kuadran: { SANGAT_BAIK: '1', BAIK: '2', BUTUH_PERBAIKAN: '3', KURANG: '4', SANGAT_KURANG: '5' },
  koefisien: {
    SANGAT_BAIK: 'K150',
    BAIK: 'K100',
    BUTUH_PERBAIKAN: 'K75',
    KURANG: 'K50',
    SANGAT_KURANG: 'K25',
  },
  periodik: { BULANAN: '1', TRIWULANAN: '2', SEMESTERAN: '3' },
};
