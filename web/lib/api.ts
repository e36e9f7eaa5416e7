/** The API client: JSON, the session cookie, the CSRF header on changes, Indonesian errors. */
import type { ErrorBody } from '../../src/contracts/common';

const CSRF_KEY = 'ekinerja.csrf';
let csrfToken: string | null = sessionStorage.getItem(CSRF_KEY);

export function setCsrfToken(token: string | null) {
  csrfToken = token;
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function ensureCsrf() {
  if (csrfToken) return csrfToken;
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  if (res.ok) setCsrfToken(((await res.json()) as { csrfToken: string }).csrfToken);
  return csrfToken;
}

export async function api<T>(
  path: string,
  options: {
    method?: string;
    body?: unknown;
    form?: FormData;
    csrf?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers };
  if (method !== 'GET' && options.csrf !== false) {
    const token = await ensureCsrf();
    if (token) headers['x-csrf-token'] = token;
  }
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa koneksi Anda.');
  }
  if (res.ok) return (await res.json()) as T;
  let error: ErrorBody['error'] = { code: 'INTERNAL', message: `Kesalahan server (${res.status}).` };
  try {
    error = ((await res.json()) as ErrorBody).error;
  } catch {
    // keep the generic message
  }
  throw new ApiError(res.status, error.code, error.message, error.details);
}

export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
