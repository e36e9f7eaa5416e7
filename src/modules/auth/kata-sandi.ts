/**
 * How guessable a new password is: zxcvbn-ts with the common-password list and the Indonesian
 * dictionaries, plus the employee's own NIP and name. The dictionaries take ~70 MB, so they load on
 * the first password change and are dropped again after a quiet spell.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's scale 0–4: 3 means "safely unguessable" against an offline attack slowed by hashing. */
const SKOR_MINIMAL = 3;
const LEPAS_SETELAH_MS = 10 * 60_000;

let penilai: Promise<ZxcvbnFactory> | null = null;
let lepas: NodeJS.Timeout | undefined;

async function muat(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, id] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-id'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...id.dictionary },
    graphs: common.adjacencyGraphs,
    translations: id.translations,
  });
}

/** Why the password is too easy to guess (Indonesian), or null when it is strong enough. */
export async function kelemahanKataSandi(password: string, milikPengguna: string[]): Promise<string | null> {
  penilai ??= muat();
  clearTimeout(lepas);
  lepas = setTimeout(() => {
    penilai = null;
  }, LEPAS_SETELAH_MS);
  lepas.unref();
  const hasil = (await penilai).check(password, milikPengguna);
  if (hasil.score >= SKOR_MINIMAL) return null;
  const sebab = hasil.feedback.warning ?? 'Kata sandi ini mudah ditebak.';
  return `${sebab} Gunakan beberapa kata yang tidak saling berhubungan, misalnya "kopi-senja-lumba-lumba-7".`;
}
