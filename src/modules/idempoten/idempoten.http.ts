/** The HTTP side of idempotent writes: the request's parts `sekali` reads, the replay header. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HEADER_IDEMPOTEN } from '../../contracts/idempoten.js';
import type { IdempotenService, Klaim } from './idempoten.service.js';

/** For the OpenAPI description of every route that takes the header. */
export const IDEMPOTEN_DESKRIPSI =
  'Header opsional `Idempotency-Key` (UUID): permintaan ulang dengan kunci yang sama mengembalikan jawaban ' +
  'pertama (header `Idempotent-Replayed: true`) tanpa menulis lagi; kunci yang sama dengan isi berbeda ditolak (422).';

/**
 * Answers a write once per key: the first answer with `status`, a replay with the stored one marked
 * `Idempotent-Replayed: true`. The fingerprint covers the route's parameters and body unless `isi`
 * names what else identifies the request (an upload's file hash).
 */
export async function jawabSekali<T>(
  idempoten: IdempotenService,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  tulis: (klaim: Klaim | undefined) => Promise<T>,
  isi: unknown = { params: request.params, body: request.body },
) {
  const hasil = await idempoten.sekali(
    {
      actor: request.actor!,
      kunci: request.headers[HEADER_IDEMPOTEN],
      rute: `${request.method} ${request.routeOptions.url}`,
      isi,
      status,
    },
    tulis,
  );
  if (hasil.ulangan) reply.header('idempotent-replayed', 'true');
  return reply.status(hasil.status).send(hasil.body);
}
