/**
 * The OpenID provider as openid-client sees it: discovery (cached per issuer), the client of one
 * instansi, and the mapping of the library's failures to our refusals. Tokens are judged by the
 * injected clock, so the application and its tests agree on what "expired" means.
 */
import * as oidc from 'openid-client';
import { penerbitLoopback } from '../../domain/sso.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';

/** Discovery documents change rarely; a login needs them twice within minutes. */
const SIMPAN_METADATA_MS = 10 * 60_000;

export interface KlienSso {
  penerbit: string;
  clientId: string;
  rahasiaKlien: string;
}

export function createSsoPenyedia(deps: { clock: Clock; log: { warn(obj: object, msg: string): void } }) {
  const { clock } = deps;
  const simpanan = new Map<string, { metadata: oidc.ServerMetadata; sampai: number }>();

  /** The provider's metadata; throws `gagal` when it cannot be had. */
  async function metadata(penerbit: string, gagal: 'SSO_PENYEDIA_GAGAL' | 'SSO_PENERBIT_TIDAK_TERHUBUNG') {
    const now = clock.now().getTime();
    const ada = simpanan.get(penerbit);
    if (ada && ada.sampai > now) return ada.metadata;
    try {
      const config = await oidc.discovery(new URL(penerbit), 'ekinerja', undefined, undefined, {
        execute: penerbitLoopback(penerbit) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
      const metadata = config.serverMetadata();
      simpanan.set(penerbit, { metadata, sampai: now + SIMPAN_METADATA_MS });
      return metadata;
    } catch (err) {
      deps.log.warn(
        { penerbit, sebab: err instanceof Error ? err.message : String(err) },
        'discovery SSO gagal',
      );
      throw new AppError(gagal);
    }
  }

  return {
    /** Checks that an issuer answers its discovery document before the BKD's settings are saved. */
    async periksaPenerbit(penerbit: string) {
      simpanan.delete(penerbit);
      await metadata(penerbit, 'SSO_PENERBIT_TIDAK_TERHUBUNG');
    },

    /** The instansi's client, its clock skew set so the ID token is judged by the application's clock. */
    async konfigurasi(klien: KlienSso): Promise<oidc.Configuration> {
      const server = await metadata(klien.penerbit, 'SSO_PENYEDIA_GAGAL');
      const metode = server.token_endpoint_auth_methods_supported;
      // client_secret_basic is the spec's default; some providers register clients for _post only.
      const auth =
        metode && !metode.includes('client_secret_basic') && metode.includes('client_secret_post')
          ? oidc.ClientSecretPost(klien.rahasiaKlien)
          : oidc.ClientSecretBasic(klien.rahasiaKlien);
      const skew = Math.round((clock.now().getTime() - Date.now()) / 1000);
      const config = new oidc.Configuration(
        server,
        klien.clientId,
        { [oidc.clockSkew]: skew } as Partial<oidc.ClientMetadata>,
        auth,
      );
      if (penerbitLoopback(klien.penerbit)) oidc.allowInsecureRequests(config);
      return config;
    },
  };
}

export type SsoPenyedia = ReturnType<typeof createSsoPenyedia>;

/** oauth4webapi's codes for a token or answer that failed a check (not a transport failure). */
const KODE_TOKEN_TIDAK_SAH = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_INVALID_RESPONSE',
]);

/**
 * openid-client's failures as our refusals: the provider said no (an error answer, a spent code),
 * the ID token failed a check (issuer, audience, expiry, nonce), or the provider could not be reached.
 */
export function galatSso(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof oidc.AuthorizationResponseError || err instanceof oidc.ResponseBodyError) {
    return new AppError('SSO_DITOLAK_PENYEDIA');
  }
  if (err instanceof oidc.ClientError && KODE_TOKEN_TIDAK_SAH.has(String(err.code))) {
    return new AppError('SSO_TOKEN_TIDAK_SAH');
  }
  return new AppError('SSO_PENYEDIA_GAGAL');
}
