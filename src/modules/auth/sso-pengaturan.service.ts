/**
 * The BKD's single sign-on settings (issue 15 part 4; ADR 0014): the instansi's OpenID provider,
 * its client, the NIP claim, and per role group whether the password login is off. The client secret
 * is sealed at rest and never answered back; every change is audited without it.
 */
import type { z } from 'zod';
import type { SsoPengaturanBody, SsoPengaturanOut } from '../../contracts/sso.js';
import type { Db } from '../../db/client.js';
import {
  isKataSandiNonaktif,
  JALUR_KEMBALI_SSO,
  JALUR_SETELAH_KELUAR_SSO,
  KATA_SANDI_NONAKTIF_BAWAAN,
  KLAIM_NIP_BAWAAN,
} from '../../domain/sso.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import type { MfaService } from './mfa.service.js';
import type { MfaKunci } from './mfa-kunci.js';
import * as q from './sso.queries.js';
import type { KlienSso, SsoPenyedia } from './sso-penyedia.js';

/** The sealed secret is bound to its instansi: a row copied to another instansi does not open. */
const ikatanRahasia = (instansiId: number) => `rahasia-klien/${instansiId}`;

export function createSsoPengaturanService(deps: {
  db: Db;
  audit: AuditService;
  kunci: Pick<MfaKunci, 'sso'>;
  penyedia: Pick<SsoPenyedia, 'periksaPenerbit'>;
  publicUrl: string;
  kelompok: MfaService['kelompok'];
}) {
  const { db, audit, kunci } = deps;

  function toOut(row: q.SsoRow | null): SsoPengaturanOut {
    return {
      aktif: row?.aktif ?? false,
      penerbit: row?.penerbit ?? null,
      clientId: row?.clientId ?? null,
      rahasiaKlienTersimpan: !!row?.rahasiaKlienTersegel,
      klaimNip: row?.klaimNip ?? KLAIM_NIP_BAWAAN,
      kataSandiNonaktif: row?.kataSandiNonaktif ?? KATA_SANDI_NONAKTIF_BAWAAN,
      redirectUri: `${deps.publicUrl}${JALUR_KEMBALI_SSO}`,
      postLogoutRedirectUri: `${deps.publicUrl}${JALUR_SETELAH_KELUAR_SSO}`,
      version: row?.version ?? 1,
    };
  }

  /** What the audit row keeps: the settings without the secret and the two derived addresses. */
  function jejak(out: SsoPengaturanOut) {
    const { redirectUri: _r, postLogoutRedirectUri: _p, version: _v, ...isi } = out;
    return isi;
  }

  return {
    async get(instansiId: number) {
      return toOut(await q.findSso(db, instansiId));
    },

    async save(actor: Actor, body: z.infer<typeof SsoPengaturanBody>, meta: { requestId: string }) {
      const instansiId = actor.instansiId;
      const lama = await q.findSso(db, instansiId);
      const tersegel = body.rahasiaKlien
        ? kunci.sso.segel(body.rahasiaKlien, ikatanRahasia(instansiId))
        : (lama?.rahasiaKlienTersegel ?? null);
      if (body.aktif && !tersegel) {
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'rahasiaKlien' },
          'Client secret wajib diisi untuk mengaktifkan SSO.',
        );
      }
      // Refused before anything is written: a typo in the issuer would otherwise surface at the next login.
      // The discovery document's issuer must match exactly; a trailing slash is a common slip.
      const penerbit = body.penerbit.replace(/\/+$/, '');
      if (body.aktif) await deps.penyedia.periksaPenerbit(penerbit);
      return db.transaction(async (tx) => {
        const disimpan = await q.saveSsoIfVersion(tx, instansiId, body.version, {
          aktif: body.aktif,
          penerbit,
          clientId: body.clientId,
          rahasiaKlienTersegel: tersegel,
          klaimNip: body.klaimNip,
          kataSandiNonaktif: body.kataSandiNonaktif,
        });
        if (!disimpan) throw new AppError('VERSION_CONFLICT');
        const baru = toOut(await q.findSso(tx, instansiId));
        await audit.record(tx, {
          instansiId,
          actorId: actor.id,
          action: 'pengaturan.sso',
          entity: 'pengaturan',
          entityId: instansiId,
          before: jejak(toOut(lama)),
          after: { ...jejak(baru), rahasiaKlienDiganti: !!body.rahasiaKlien },
          requestId: meta.requestId,
        });
        return baru;
      });
    },

    /** The login page's SSO buttons. */
    async daftarAktif() {
      return { items: await q.listSsoAktif(db) };
    },

    /** The active provider of an instansi with its secret opened, for a login; refused when off. */
    async klien(instansiId: number): Promise<KlienSso & { klaimNip: string }> {
      const row = await q.findSso(db, instansiId);
      if (!row?.aktif || !row.rahasiaKlienTersegel) throw new AppError('SSO_TIDAK_AKTIF');
      return {
        penerbit: row.penerbit,
        clientId: row.clientId,
        rahasiaKlien: kunci.sso.buka(row.rahasiaKlienTersegel, ikatanRahasia(instansiId)),
        klaimNip: row.klaimNip,
      };
    },

    /** Whether the password login is refused to this employee: SSO is active and off for one of his groups. */
    async kataSandiNonaktif(account: { id: number; instansiId: number }) {
      const row = await q.findSso(db, account.instansiId);
      if (!row?.aktif || !Object.values(row.kataSandiNonaktif).some(Boolean)) return false;
      return isKataSandiNonaktif(row.kataSandiNonaktif, await deps.kelompok(account));
    },
  };
}

export type SsoPengaturanService = ReturnType<typeof createSsoPengaturanService>;
