/** Reference for the benchmark: a bare Fastify route doing one indexed select, nothing else. */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { nip: string } }>('/pegawai/:nip', async (request) => {
  const { rows } = await pool.query('SELECT id, nama FROM pegawai WHERE nip = $1', [request.params.nip]);
  return rows[0] ?? null;
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
