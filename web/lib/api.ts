/** The API client: JSON, the session cookie, the CSRF header on changes, Indonesian errors. */
import type { ErrorBody } from '../../src/contracts/common';
import { ApiError } from './api-error';

const CSRF_KEY = 'ekinerja.csrf';
let csrfToken: string | null = sessionStorage.getItem(CSRF_KEY);

export function setCsrfToken(token: string | null) {
  csrfToken = token;
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export { ApiError } from './api-error';

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
    throw galatJaringan();
  }
  return jawaban<T>(res.status, await res.text());
}

const galatJaringan = () =>
  new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa koneksi Anda.');

/** A response's JSON, or its error in the server's words (a generic one when the body is not JSON). */
function jawaban<T>(status: number, teks: string): T {
  if (status >= 200 && status < 300) return JSON.parse(teks) as T;
  let error: ErrorBody['error'] = { code: 'INTERNAL', message: `Kesalahan server (${status}).` };
  try {
    error = (JSON.parse(teks) as ErrorBody).error;
  } catch {
    // keep the generic message
  }
  throw new ApiError(status, error.code, error.message, error.details);
}

/**
 * POSTs a form reporting the upload's progress (bytes sent, size), which `fetch` cannot; then
 * `onTerkirim` once the last byte is up and the server is at work. Errors as `api`.
 */
export async function unggah<T>(
  path: string,
  form: FormData,
  on: { kemajuan: (terkirim: number, ukuran: number) => void; terkirim: () => void },
): Promise<T> {
  const token = await ensureCsrf();
  const { status, teks } = await new Promise<{ status: number; teks: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => on.kemajuan(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = () => on.terkirim();
    xhr.onload = () => resolve({ status: xhr.status, teks: xhr.responseText });
    xhr.onerror = () => reject(galatJaringan());
    xhr.send(form);
  });
  return jawaban<T>(status, teks);
}

export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
