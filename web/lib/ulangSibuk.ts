/**
 * Logins the server refuses because its password-check queue is full (503 LOGIN_BUSY, ADR 0006)
 * are tried again after the Retry-After it gave, a few times, so a short queue stays honest for the
 * server without making people press "Masuk" again at month end.
 */
import { ApiError } from './api-error';

/** Beyond this many refusals the user sees the server's message. */
export const ULANG_MAKS = 4;

function detikTunggu(e: ApiError): number {
  const diminta = (e.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return Math.min(10, Math.max(1, typeof diminta === 'number' ? Math.ceil(diminta) : 1));
}

export async function ulangBilaSibuk<T>(
  kirim: () => Promise<T>,
  opsi: {
    /** Called before each wait: seconds and the attempt that follows (2, 3, …). */
    saatMenunggu?: (detik: number, percobaan: number) => void;
    tunggu?: (ms: number) => Promise<void>;
    acak?: () => number;
  } = {},
): Promise<T> {
  const tunggu = opsi.tunggu ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const acak = opsi.acak ?? Math.random;
  for (let percobaan = 1; ; percobaan++) {
    try {
      return await kirim();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'LOGIN_BUSY') || percobaan > ULANG_MAKS) throw e;
      const detik = detikTunggu(e);
      opsi.saatMenunggu?.(detik, percobaan + 1);
      // Up to half a second more, so the browsers refused together do not all come back together.
      await tunggu(detik * 1000 + Math.floor(acak() * 500));
    }
  }
}
