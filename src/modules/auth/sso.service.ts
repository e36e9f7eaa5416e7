/**
 * Login through the instansi's OpenID provider (issue 15 part 4; ADR 0014): authorization code flow
 * with PKCE, state and nonce kept in a sealed cookie of this browser; the ID token checked by
 * openid-client (issuer, audience, expiry, nonce); the employee found by the NIP claim in that
 * instansi; then the same session as the password login (auth.service.ts). Logout hands the
 * provider's end-session URL back when it has one.
 */
import * as oidc from 'openid-client';
import type { Db } from '../../db/client.js';
import {
  amrFaktorKedua,
  JALUR_KEMBALI_SSO,
  JALUR_SETELAH_KELUAR_SSO,
  nipDariKlaim,
} from '../../domain/sso.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuthService } from './auth.service.js';
import type { AsalSso } from './mfa.service.js';
import type { MfaKunci } from './mfa-kunci.js';
import * as q from './sso.queries.js';
import type { SsoPengaturanService } from './sso-pengaturan.service.js';
import { galatSso, type SsoPenyedia } from './sso-penyedia.js';

/** How long the browser may stay at the provider's login page. */
export const PERMINTAAN_SSO_MENIT = 10;
const IKATAN_PERMINTAAN = 'permintaan-masuk-sso';

/** What the cookie carries between the start and the provider's answer. */
interface Permintaan {
  instansiId: number;
  state: string;
  nonce: string;
  verifier: string;
  kedaluwarsa: number;
}

export function createSsoService(deps: {
  db: Db;
  clock: Clock;
  kunci: Pick<MfaKunci, 'sso'>;
  penyedia: SsoPenyedia;
  pengaturan: Pick<SsoPengaturanService, 'klien'>;
  auth: Pick<AuthService, 'masukSso'>;
  publicUrl: string;
  log: { warn(obj: object, msg: string): void };
}) {
  const { db, clock, kunci, penyedia } = deps;
  const redirectUri = `${deps.publicUrl}${JALUR_KEMBALI_SSO}`;

  function bukaPermintaan(cookie: string | undefined): Permintaan {
    if (!cookie) throw new AppError('SSO_PERMINTAAN_TIDAK_BERLAKU');
    let p: Permintaan;
    try {
      p = JSON.parse(kunci.sso.buka(cookie, IKATAN_PERMINTAAN)) as Permintaan;
    } catch {
      throw new AppError('SSO_PERMINTAAN_TIDAK_BERLAKU');
    }
    if (p.kedaluwarsa <= clock.now().getTime()) throw new AppError('SSO_PERMINTAAN_TIDAK_BERLAKU');
    return p;
  }

  /** Refused logins are logged for the operator (never the tokens), then answered. */
  function tolak(err: unknown, instansiId: number): never {
    const galat = galatSso(err);
    // Only the message: the library's errors carry the token's claims in their cause.
    const sebab = err instanceof Error ? err.message : String(err);
    deps.log.warn({ instansiId, kode: galat.code, sebab }, 'masuk SSO ditolak');
    throw galat;
  }

  return {
    /** The provider's authorization URL and the sealed cookie that lets this browser finish. */
    async mulai(instansiId: number) {
      const klien = await deps.pengaturan.klien(instansiId);
      const config = await penyedia.konfigurasi(klien);
      const permintaan: Permintaan = {
        instansiId,
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        kedaluwarsa: clock.now().getTime() + PERMINTAAN_SSO_MENIT * 60_000,
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(permintaan.verifier),
        code_challenge_method: 'S256',
        state: permintaan.state,
        nonce: permintaan.nonce,
      });
      return {
        url: url.href,
        cookie: kunci.sso.segel(JSON.stringify(permintaan), IKATAN_PERMINTAAN),
        maxAge: PERMINTAAN_SSO_MENIT * 60,
      };
    },

    /**
     * The provider's answer (`parameter`: the query string it sent the browser back with) checked
     * against this browser's cookie; the employee named by the NIP claim is logged in. Nothing is
     * written when any check fails.
     */
    async selesai(
      parameter: string,
      cookie: string | undefined,
      meta: { userAgent: string | null; requestId: string; ip: string },
    ) {
      const p = bukaPermintaan(cookie);
      const params = new URLSearchParams(parameter.replace(/^\?/, ''));
      // Another browser's answer, or an old tab: refused before the provider is asked anything.
      if (params.get('state') !== p.state) throw new AppError('SSO_PERMINTAAN_TIDAK_BERLAKU');
      const klien = await deps.pengaturan.klien(p.instansiId);
      const config = await penyedia.konfigurasi(klien);
      const url = new URL(redirectUri);
      url.search = params.toString();
      const tokens = await oidc
        .authorizationCodeGrant(config, url, {
          pkceCodeVerifier: p.verifier,
          expectedState: p.state,
          expectedNonce: p.nonce,
          idTokenExpected: true,
        })
        .catch((err: unknown) => tolak(err, p.instansiId));
      const klaim = tokens.claims()!;
      let nip = nipDariKlaim(klaim, klien.klaimNip);
      // Many providers put extra claims in UserInfo only.
      if (!nip && tokens.access_token) {
        const info = await oidc
          .fetchUserInfo(config, tokens.access_token, klaim.sub)
          .catch((err: unknown) => tolak(err, p.instansiId));
        nip = nipDariKlaim(info, klien.klaimNip);
      }
      if (!nip) tolak(new AppError('SSO_NIP_TIDAK_ADA'), p.instansiId);
      const account = await q.findAccountInInstansi(db, nip, p.instansiId);
      if (!account) tolak(new AppError('SSO_NIP_TIDAK_DIKENAL'), p.instansiId);
      return deps.auth.masukSso(account, {
        ...meta,
        sso: { ssoInstansiId: p.instansiId, ssoIdToken: tokens.id_token! },
        faktorKedua: amrFaktorKedua(klaim.amr),
      });
    },

    /**
     * The provider's end-session URL for a session that came from it, or undefined when it offers
     * none, SSO was turned off meanwhile or it cannot be reached: the local session is over anyway.
     */
    async urlKeluar(asal: AsalSso): Promise<string | undefined> {
      try {
        const klien = await deps.pengaturan.klien(asal.ssoInstansiId);
        const config = await penyedia.konfigurasi(klien);
        if (!config.serverMetadata().end_session_endpoint) return undefined;
        return oidc.buildEndSessionUrl(config, {
          id_token_hint: asal.ssoIdToken,
          post_logout_redirect_uri: `${deps.publicUrl}${JALUR_SETELAH_KELUAR_SSO}`,
          client_id: klien.clientId,
        }).href;
      } catch {
        return undefined;
      }
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
