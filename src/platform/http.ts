/**
 * Errors → HTTP: stable codes and Indonesian messages; 5xx details are logged, never sent. Route inputs
 * are checked at start-up to be bounded (teks() strings, integers within PostgreSQL's integer).
 */
import type { Readable } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BATAS_INT, dariTeks, ErrorBody } from '../contracts/common.js';
import { AppError, ERRORS, type ErrorCode } from './errors.js';
import { XLSX_TYPE } from './xlsx-stream.js';

/** Response schemas for the error statuses a route can answer, so OpenAPI and the compiler know them. */
export function errorResponses<S extends 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503>(
  ...statuses: S[]
) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<S, typeof ErrorBody>;
}

/** A binary XLSX 200 in the OpenAPI document (errors stay JSON); the stream bypasses the serializer. */
export function xlsxResponse(description: string) {
  return {
    description,
    content: { [XLSX_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
  };
}

/** Sends a streamed XLSX as a private download. */
export function kirimXlsx(reply: FastifyReply, ekspor: { filename: string; stream: Readable }) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${ekspor.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(ekspor.stream);
}

/** Errors of @fastify/multipart for a body the client broke (not limits: those answer 413). */
const MULTIPART_KLIEN = new Set([
  'FST_PROTO_VIOLATION',
  'FST_MP_PREMATURE_CLOSE',
  'FST_INVALID_JSON_FIELD_ERROR',
]);

/** A body that cannot be read as what it claims to be: the client's fault, so 400 and not 500. */
function masukanRusak(err: FastifyError, multipart: boolean): ErrorCode | null {
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'JSON_INVALID';
  if (!multipart) return null;
  if (MULTIPART_KLIEN.has(err.code)) return 'MULTIPART_INVALID';
  // busboy fails on a broken boundary or a truncated body with plain Errors (no code, no status);
  // its own frames on the stack are their one stable mark.
  if (!err.statusCode && /[\\/]@fastify[\\/]busboy[\\/]/.test(err.stack ?? '')) return 'MULTIPART_INVALID';
  return null;
}

function body(code: ErrorCode | string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: [
          err.validationContext,
          ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : []),
        ].join('.'),
        message: v.message,
      }));
      const first = details[0];
      const message = first
        ? `${ERRORS.VALIDATION_FAILED.message} ${first.field}: ${first.message}`
        : ERRORS.VALIDATION_FAILED.message;
      return reply.status(400).send(body('VALIDATION_FAILED', message, details));
    }
    const masukan = masukanRusak(err, request.isMultipart());
    if (masukan) return reply.status(400).send(body(masukan, ERRORS[masukan].message));
    if (err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', ERRORS.RATE_LIMITED.message));
    }
    if (err.statusCode === 413) {
      return reply
        .status(413)
        .send(body('PAYLOAD_TOO_LARGE', 'Berkas atau data yang dikirim terlalu besar.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('BAD_REQUEST', ERRORS.BAD_REQUEST.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', ERRORS.INTERNAL.message));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(body('NOT_FOUND', `Alamat ${request.method} ${request.url.split('?')[0]} tidak ditemukan.`));
  });
}

/** String formats whose own pattern admits only digits and separators, so they need no teks(). */
const FORMAT_TERTUTUP = new Set(['datetime', 'date', 'time']);

/**
 * What in a route input schema could reach the database unchecked: a string not declared with teks()
 * (contracts/common.ts), or a whole number not bounded to PostgreSQL's integer (ids, versions).
 */
export function masukanTanpaBatas(schema: z.ZodType, path: string): string[] {
  if (schema instanceof z.ZodStringFormat)
    return FORMAT_TERTUTUP.has(schema.format ?? '') ? [] : [`${path} (teks tanpa teks())`];
  if (schema instanceof z.ZodString) return dariTeks(schema) ? [] : [`${path} (teks tanpa teks())`];
  if (schema instanceof z.ZodNumber) {
    const dalamInt =
      (schema.minValue ?? -Infinity) >= -BATAS_INT - 1 && (schema.maxValue ?? Infinity) <= BATAS_INT;
    return schema.isInt && !dalamInt
      ? [`${path} (bilangan bulat melewati integer PostgreSQL: beri .min() dan .max())`]
      : [];
  }
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const inner = (key: string, sub: string) =>
    def[key] instanceof z.ZodType ? masukanTanpaBatas(def[key], sub) : [];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape).flatMap(([k, v]) =>
      masukanTanpaBatas(v as z.ZodType, `${path}.${k}`),
    );
  if (schema instanceof z.ZodUnion)
    return (schema.options as z.ZodType[]).flatMap((o) => masukanTanpaBatas(o, path));
  if (schema instanceof z.ZodArray) return inner('element', `${path}[]`);
  if (schema instanceof z.ZodRecord)
    return [...inner('keyType', `${path}{}`), ...inner('valueType', `${path}{}`)];
  if (schema instanceof z.ZodPipe) return [...inner('in', path), ...inner('out', path)];
  if (schema instanceof z.ZodIntersection) return [...inner('left', path), ...inner('right', path)];
  // optional, nullable, default, prefault, readonly, catch, nonoptional
  return inner('innerType', path);
}

/** Start-up fails on a route whose body, query string or params could take such input. */
export function registerInputBoundsCheck(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    const paths = (['body', 'querystring', 'params'] as const).flatMap((part) =>
      schema?.[part] instanceof z.ZodType ? masukanTanpaBatas(schema[part], part) : [],
    );
    if (paths.length)
      throw new Error(`Route ${route.method} ${route.url}: masukan tanpa batas: ${paths.join(', ')}`);
  });
}
