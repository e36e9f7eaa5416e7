/** Errors → HTTP: stable codes and Indonesian messages; 5xx details are logged, never sent. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ErrorBody } from '../contracts/common.js';
import { AppError, ERRORS, type ErrorCode } from './errors.js';

/** Response schemas for the error statuses a route can answer, so OpenAPI and the compiler know them. */
export function errorResponses<S extends 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503>(
  ...statuses: S[]
) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<S, typeof ErrorBody>;
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
