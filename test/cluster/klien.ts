/** A browser-like HTTP client of the cluster test: its own cookies (session, CSRF, HAProxy's node), fetch. */
export interface Jawaban {
  status: number;
  node: string | null;
  body: Buffer;
  json<T = unknown>(): T;
}

export class Klien {
  private readonly kue = new Map<string, string>();
  private csrf = '';

  constructor(private readonly dasar: string) {}

  /** The same session and cookies against another address (a node directly, past HAProxy). */
  di(dasar: string): Klien {
    const k = new Klien(dasar);
    for (const [n, v] of this.kue) k.kue.set(n, v);
    k.csrf = this.csrf;
    return k;
  }

  async minta(method: string, url: string, isi?: unknown | FormData): Promise<Jawaban> {
    const headers: Record<string, string> = { cookie: [...this.kue].map(([n, v]) => `${n}=${v}`).join('; ') };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let body: string | FormData | undefined;
    if (isi instanceof FormData) body = isi;
    else if (isi !== undefined) {
      body = JSON.stringify(isi);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.dasar}${url}`, { method, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pasangan] = c.split(';');
      const i = pasangan!.indexOf('=');
      this.kue.set(pasangan!.slice(0, i), pasangan!.slice(i + 1));
    }
    const data = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      node: res.headers.get('x-node'),
      body: data,
      json: <T>() => JSON.parse(data.toString('utf8')) as T,
    };
  }

  get = (url: string) => this.minta('GET', url);
  post = (url: string, isi?: unknown) => this.minta('POST', url, isi ?? {});
  put = (url: string, isi?: unknown) => this.minta('PUT', url, isi ?? {});

  async masuk(nip: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { nip, password });
    if (res.status !== 200) throw new Error(`Gagal masuk ${nip}: ${res.status} ${res.body.toString()}`);
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
    return this;
  }
}
