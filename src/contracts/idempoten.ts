/**
 * The `Idempotency-Key` header of the writes an offline phone may send twice (daily log entry, draft
 * save, evidence upload): a UUID the client makes once per entry and repeats on every retry.
 */
import { z } from 'zod';

export const HEADER_IDEMPOTEN = 'idempotency-key';

export const KunciIdempoten = z.uuid({
  error: 'Header Idempotency-Key harus berupa UUID, mis. 0b5f3c1e-8a2d-4c7e-9f10-2a6b8c4d1e3f.',
});
