/**
 * The OpenAPI document (/api/openapi.json) integrators generate clients from (ADR 0013). Each
 * operation's operationId and security requirement are derived here, in the one transform every route
 * goes through, so a new route gets both without declaring them.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyContextConfig } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * `GET /api/skp/:id/rhk` → `getSkpByIdRhk`: the method, then each path segment after /api in
 * PascalCase, a parameter as By<Name>. Stable while the route's method and path are; a route may name
 * its own with `schema.operationId`.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url
    .replace(/^\/api\//, '')
    .split('/')
    .map((segment) => {
      const param = /^:(\w+)$/.exec(segment)?.[1];
      return param ? `By${pascal(param)}` : pascal(segment);
    });
  return method.toLowerCase() + segments.join('');
}

type Components = NonNullable<NonNullable<FastifyDynamicSwaggerOptions['openapi']>['components']>;

export interface OpenapiOptions {
  /** PUBLIC_URL: the one server of the document; paths are the routes' own (/api/…). */
  publicUrl: string;
  securitySchemes: Components['securitySchemes'];
  /** The requirement a route's access rule enforces (auth's access hooks). */
  securityOf(access: FastifyContextConfig['access'], method: string): Record<string, string[]>[];
}

export function openapiOptions({
  publicUrl,
  securitySchemes,
  securityOf,
}: OpenapiOptions): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      info: {
        title: 'e-Kinerja API',
        description:
          'Manajemen kinerja ASN (PermenPANRB 6/2022). Semua pesan kesalahan berbahasa Indonesia. ' +
          'Sistem lain memakai `/api/v1` dengan token API; rute lain dipakai aplikasi web dengan sesi.',
        version: '0.1.0',
        license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      },
      servers: [{ url: publicUrl, description: 'Alamat aplikasi (PUBLIC_URL)' }],
      components: { securitySchemes },
    },
    // A PUBLIC_URL with a path is where the app is mounted; the routes' paths stay whole.
    stripBasePath: false,
    transform: (document) => {
      const { schema, url } = jsonSchemaTransform(document);
      if (schema?.hide) return { schema, url };
      const { method } = document.route;
      // One method per route, so its operationId names one operation.
      if (typeof method !== 'string') throw new Error(`Route ${url}: satu metode per rute`);
      return {
        schema: {
          ...schema,
          operationId: schema?.operationId ?? operationIdOf(method, url),
          security: securityOf(document.route.config?.access, method),
        },
        url,
      };
    },
  };
}
