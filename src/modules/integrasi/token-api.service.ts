/**
 * API tokens for external systems: the BKD admin creates (the token is shown once, only its SHA-256
 * is kept), lists and revokes them; every /api/v1 request is checked here.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.js';
import type {
  CakupanToken,
  TokenApiBody,
  TokenApiDibuat,
  TokenApiItem,
  TokenApiPage,
} from '../../contracts/integrasi.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { penolakanToken } from '../auth/access.policy.js';
import type { Actor, TokenActor } from '../auth/actor.js';
import * as q from './token-api.queries.js';

const PREFIX = 'ekin_';
const HARI_MS = 24 * 60 * 60 * 1000;

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toItem(r: q.TokenRow): TokenApiItem {
  return {
    id: r.id,
    nama: r.nama,
    prefiks: r.prefiks,
    cakupan: r.cakupan as CakupanToken[],
    kedaluwarsaAt: r.kedaluwarsaAt.toISOString(),
    dicabutAt: r.dicabutAt?.toISOString() ?? null,
    terakhirDipakaiAt: r.terakhirDipakaiAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    dibuatOleh: r.dibuatOleh,
  };
}

/** How audit rows and imports name the token that made a change (it has no employee behind it). */
export function sumberToken(token: TokenActor): string {
  return `Token API #${token.id} (${token.nama})`;
}

export function createTokenApiService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  return {
    async buat(
      actor: Actor,
      body: z.output<typeof TokenApiBody>,
      requestId: string,
    ): Promise<TokenApiDibuat> {
      const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      const now = clock.now();
      const data = {
        instansiId: actor.instansiId,
        nama: body.nama,
        prefiks: token.slice(0, PREFIX.length + 8),
        cakupan: body.cakupan,
        kedaluwarsaAt: new Date(now.getTime() + body.berlakuHari * HARI_MS),
      };
      const id = await db.transaction(async (tx) => {
        const id = await q.insertToken(tx, { ...data, hash: hashOf(token), dibuatOlehId: actor.id, now });
        // The audit row names the token by id and prefix; the token itself is never written anywhere.
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'token_api.buat',
          entity: 'token_api',
          entityId: id,
          after: { ...data, kedaluwarsaAt: data.kedaluwarsaAt.toISOString() },
          requestId,
        });
        return id;
      });
      const row = await q.tokenById(db, actor.instansiId, id);
      return { token, item: toItem(row!) };
    },

    async daftar(actor: Actor, query: z.output<typeof PageQuery>): Promise<TokenApiPage> {
      const beforeId = query.cursor ? Number(query.cursor) : null;
      if (beforeId !== null && !Number.isInteger(beforeId))
        throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
      const found = await q.listTokens(db, actor.instansiId, beforeId, query.limit);
      const items = found.slice(0, query.limit).map(toItem);
      return { items, nextCursor: found.length > query.limit ? String(items.at(-1)!.id) : null };
    },

    async cabut(actor: Actor, tokenId: number, requestId: string): Promise<TokenApiItem> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await q.cabutToken(tx, actor.instansiId, tokenId, now))) {
          const existing = await q.tokenById(tx, actor.instansiId, tokenId);
          throw new AppError(existing ? 'TOKEN_API_SUDAH_DICABUT' : 'NOT_FOUND');
        }
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'token_api.cabut',
          entity: 'token_api',
          entityId: tokenId,
          before: { dicabutAt: null },
          after: { dicabutAt: now.toISOString() },
          requestId,
        });
      });
      return toItem((await q.tokenById(db, actor.instansiId, tokenId))!);
    },

    /**
     * The bearer check of every /api/v1 request. A read is not audited (it changes nothing); its use
     * is noted on the token, at most once a minute, so the BKD sees which tokens are alive.
     */
    async verify(token: string, cakupan: CakupanToken): Promise<TokenActor> {
      const now = clock.now();
      const row = token.startsWith(PREFIX) ? await q.tokenByHash(db, hashOf(token)) : null;
      const penolakan = penolakanToken(row, cakupan, now);
      if (penolakan) throw new AppError(penolakan);
      await q.catatPemakaian(db, row!.id, now);
      return {
        id: row!.id,
        instansiId: row!.instansiId,
        nama: row!.nama,
        cakupan: row!.cakupan as CakupanToken[],
      };
    },
  };
}

export type TokenApiService = ReturnType<typeof createTokenApiService>;
