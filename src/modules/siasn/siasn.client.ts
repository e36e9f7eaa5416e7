/**
 * The HTTP client of the SIASN web service (SPEC §12), as the maintained third-party clients use it:
 * an OAuth2 client-credentials token from the API gateway (client id and secret by HTTP Basic) and an
 * SSO token (OpenID Connect password grant with the instansi's SSO account); every call carries
 * `Authorization: Bearer <gateway token>` and `Auth: bearer <SSO token>`. Tokens are kept until just
 * before they expire; a 401 drops both and the call is made once more with fresh ones.
 */

export interface KredensialSiasn {
  /** Tokens are cached under this key; it changes with the settings' version. */
  kunciCache: string;
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  ssoTokenUrl: string;
  ssoClientId: string;
  ssoUsername: string;
  ssoPassword: string;
}

export interface JawabanSiasn {
  /** Null: no answer (network error, time-out). */
  status: number | null;
  /** The parsed JSON body, or null. */
  body: unknown;
  /** The body as text, shortened, for the attempt log. */
  teks: string;
  retryAfterDetik: number | null;
  /** The tokens could not be obtained; nothing reached the service. */
  gagalToken: boolean;
}

/** Seconds a token is treated as expired early, so a call never starts with one about to lapse. */
const SELISIH_DETIK = 30;
const TEKS_MAKS = 2000;

interface Token {
  nilai: string;
  sampai: number;
}

class GagalToken extends Error {}

async function baca(res: Response) {
  const teks = await res.text();
  let body: unknown = null;
  try {
    body = teks ? JSON.parse(teks) : null;
  } catch {
    body = null;
  }
  const ra = Number(res.headers.get('retry-after'));
  return {
    status: res.status,
    body,
    teks: teks.slice(0, TEKS_MAKS),
    retryAfterDetik: Number.isFinite(ra) && ra > 0 ? ra : null,
  };
}

export function createSiasnClient(deps: { now: () => number; timeoutMs?: number }) {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const cache = new Map<string, { gateway?: Token; sso?: Token }>();

  async function mintaToken(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new GagalToken(`${url}: ${(err as Error).message}`);
    }
    const j = await baca(res);
    const b = j.body as { access_token?: unknown; expires_in?: unknown } | null;
    if (j.status !== 200 || typeof b?.access_token !== 'string')
      throw new GagalToken(`${url}: HTTP ${j.status} ${j.teks.slice(0, 300)}`);
    const umur = typeof b.expires_in === 'number' ? b.expires_in : 300;
    return { nilai: b.access_token, sampai: deps.now() + Math.max(0, umur - SELISIH_DETIK) * 1000 };
  }

  async function token(k: KredensialSiasn) {
    const t = cache.get(k.kunciCache) ?? {};
    const masih = (x?: Token): x is Token => x !== undefined && x.sampai > deps.now();
    let gateway = t.gateway;
    if (!masih(gateway)) {
      const basic = Buffer.from(`${k.clientId}:${k.clientSecret}`).toString('base64');
      gateway = await mintaToken(
        k.tokenUrl,
        { grant_type: 'client_credentials' },
        { authorization: `Basic ${basic}` },
      );
    }
    let sso = t.sso;
    if (!masih(sso)) {
      sso = await mintaToken(k.ssoTokenUrl, {
        grant_type: 'password',
        client_id: k.ssoClientId,
        username: k.ssoUsername,
        password: k.ssoPassword,
      });
    }
    cache.set(k.kunciCache, { gateway, sso });
    return { gateway: gateway.nilai, sso: sso.nilai };
  }

  async function sekali(k: KredensialSiasn, method: 'GET' | 'POST', path: string, body?: unknown) {
    const t = await token(k);
    try {
      const res = await fetch(`${k.baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${t.gateway}`,
          auth: `bearer ${t.sso}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { ...(await baca(res)), gagalToken: false };
    } catch (err) {
      return {
        status: null,
        body: null,
        teks: (err as Error).message,
        retryAfterDetik: null,
        gagalToken: false,
      };
    }
  }

  /** One call; a 401 drops the cached tokens and is answered by one more call with fresh ones. */
  async function panggil(
    k: KredensialSiasn,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<JawabanSiasn> {
    try {
      const pertama = await sekali(k, method, path, body);
      if (pertama.status !== 401) return pertama;
      cache.delete(k.kunciCache);
      return await sekali(k, method, path, body);
    } catch (err) {
      if (!(err instanceof GagalToken)) throw err;
      return { status: null, body: null, teks: err.message, retryAfterDetik: null, gagalToken: true };
    }
  }

  return {
    kirim: (k: KredensialSiasn, path: string, body: unknown) => panggil(k, 'POST', path, body),
    baca: (k: KredensialSiasn, path: string) => panggil(k, 'GET', path),
  };
}

export type SiasnClient = ReturnType<typeof createSiasnClient>;
