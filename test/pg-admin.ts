/** Helpers for the PostgreSQL maintenance database, used by the test fixtures and the benchmark. */
import pg from 'pg';

export function adminUrl(url: string, database = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** One client on the database `url` names, closed after `fn`. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  return withClient(adminUrl(url), fn);
}
