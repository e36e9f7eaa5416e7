/**
 * A real OpenID provider (oidc-provider) on a random local port, for the SSO tests and the SSO
 * journey: one confidential client for the application, accounts with their claims, and a plain
 * login form (a user name, and a box saying the provider checked a one-time code: `amr` gets "otp").
 * `audiensPalsu` makes the token endpoint hand over an ID token meant for another client, re-signed
 * with the provider's own key, as a provider or a party in between could.
 */
import { createSign, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'ekinerja';
export const CLIENT_SECRET = 'rahasia-klien-uji-0123456789abcdef';

export interface OpsiPenyedia {
  /** The application's address (PUBLIC_URL): its redirect URI and post-logout URI are registered. */
  aplikasi: string;
  /** Account id → claims released under the `profile` scope (besides `sub`). */
  akun: Record<string, Record<string, unknown>>;
  /** Seconds an ID token lives. */
  ttlIdToken?: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

async function bacaForm(req: IncomingMessage): Promise<URLSearchParams> {
  const bagian: Buffer[] = [];
  for await (const b of req) bagian.push(b as Buffer);
  return new URLSearchParams(Buffer.concat(bagian).toString('utf8'));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function mulaiPenyedia(opsi: OpsiPenyedia) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...(privateKey.export({ format: 'jwk' }) as JsonWebKey),
    kid: 'uji-1',
    alg: 'RS256',
    use: 'sig',
  };
  const keadaan = { audiensPalsu: null as string | null };

  let provider: Provider | null = null;
  const server = createServer((req, res) => {
    const m = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
    if (m) {
      interaksi(req, res, m[1]!, !!m[2]).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${opsi.aplikasi}/masuk/sso`],
        post_logout_redirect_uris: [`${opsi.aplikasi}/masuk`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['kunci-cookie-penyedia-uji'] },
    // `amr` with the openid scope, as providers that report their factors release it.
    claims: {
      openid: ['sub', 'amr'],
      profile: ['name', ...new Set(Object.values(opsi.akun).flatMap(Object.keys))],
    },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, id: string) =>
      opsi.akun[id] ? { accountId: id, claims: () => ({ sub: id, ...opsi.akun[id] }) } : undefined,
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: opsi.ttlIdToken ?? 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  });
  provider.on('server_error', (_ctx, err) => console.error('penyedia OIDC uji:', err));

  // An ID token for someone else: the same claims, another audience, the provider's own signature.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !keadaan.audiensPalsu || !body?.id_token) return;
    const [header, payload] = body.id_token.split('.');
    const klaim = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), aud: keadaan.audiensPalsu };
    const isi = `${header}.${b64(JSON.stringify(klaim))}`;
    const tanda = createSign('RSA-SHA256').update(isi).sign(privateKey);
    ctx.body = { ...body, id_token: `${isi}.${b64(tanda)}` };
  });

  /** The provider's login page: a user name, and whether a one-time code was checked. */
  async function interaksi(req: IncomingMessage, res: ServerResponse, uid: string, login: boolean) {
    const p = provider!;
    const details = await p.interactionDetails(req, res);
    if (!login) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="id"><head><title>Penyedia SSO Uji</title></head><body><main>
<h1>Masuk ke penyedia SSO</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label>Nama pengguna <input name="login" autocomplete="username"></label></p>
<p><label><input type="checkbox" name="otp" value="1"> Kode OTP sudah diperiksa</label></p>
<button type="submit">Masuk ke penyedia</button>
</form></main></body></html>`);
      return;
    }
    const form = await bacaForm(req);
    const accountId = form.get('login') ?? '';
    if (!opsi.akun[accountId]) {
      await p.interactionFinished(req, res, { error: 'access_denied', error_description: 'akun tidak ada' });
      return;
    }
    const grant = new p.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await p.interactionFinished(
      req,
      res,
      { login: { accountId, amr: form.get('otp') ? ['pwd', 'otp'] : ['pwd'] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    keadaan,
    async tutup() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type PenyediaUji = Awaited<ReturnType<typeof mulaiPenyedia>>;

/**
 * Plays the browser at the provider: opens the authorization URL, logs in with the form, follows
 * the redirects, and answers the query string the provider sends back to the application.
 */
export async function masukDiPenyedia(
  url: string,
  login: string,
  opsi: { otp?: boolean } = {},
): Promise<string> {
  const cookie = new Map<string, string>();
  async function buka(alamat: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(alamat, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pasangan] = c.split(';');
      const i = pasangan!.indexOf('=');
      cookie.set(pasangan!.slice(0, i), pasangan!.slice(i + 1));
    }
    return res;
  }
  let res = await buka(url);
  let alamat = url;
  for (let langkah = 0; langkah < 10; langkah++) {
    const lokasi = res.headers.get('location');
    if (lokasi) {
      alamat = new URL(lokasi, alamat).href;
      if (alamat.includes('/masuk/sso')) return new URL(alamat).search;
      res = await buka(alamat);
      continue;
    }
    const html = await res.text();
    const aksi = /action="([^"]+)"/.exec(html)?.[1];
    if (!aksi) throw new Error(`penyedia menjawab ${res.status}: ${html.slice(0, 300)}`);
    const form = new URLSearchParams({ login, ...(opsi.otp ? { otp: '1' } : {}) });
    alamat = new URL(aksi, alamat).href;
    res = await buka(alamat, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('penyedia tidak mengarahkan kembali ke aplikasi');
}
