/**
 * The first `npm start` seeds the demo (the UI was built by `npm ci`, ADR 0020). Meanwhile this tiny
 * HTTP server holds the port: a browser gets "Sedang menyiapkan e-Kinerja…" with the current step
 * (refreshing itself), `/api/*` answers 503 (so `/api/health` is healthy only once the product is
 * ready), and each step is printed. The server closes it just before it listens on the same port.
 */
import { Worker } from 'node:worker_threads';

export interface Langkah {
  teks: string;
  /** Seconds since the start when the step began. */
  detik: number;
}

/** Escapes text for HTML: step texts carry counts and names, never markup. */
const aman = (t: string) =>
  t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page shown while the product is being prepared: the steps done and the current one. */
export function halamanPersiapan(langkah: readonly Langkah[]): string {
  const kini = langkah.at(-1);
  const selesai = langkah.slice(0, -1);
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="3">
<title>Sedang menyiapkan e-Kinerja…</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1a1b1e;background:#f8f9fa}
main{max-width:36rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin:0 0 1rem}p{line-height:1.5}ol{padding-left:1.25rem;color:#495057}
.kini{font-weight:600}
</style>
</head>
<body>
<main>
<h1>Sedang menyiapkan e-Kinerja…</h1>
<p>Start pertama memuat data demo ke basis data baru; biasanya kurang dari satu menit. Halaman ini
memuat ulang sendiri dan membuka aplikasi begitu siap.</p>
<p class="kini" role="status">${aman(kini ? kini.teks : 'Memulai…')}</p>
${selesai.length > 0 ? `<ol>${selesai.map((l) => `<li>${aman(l.teks)} (detik ${l.detik})</li>`).join('')}</ol>` : ''}
</main>
</body>
</html>`;
}

/**
 * The page is served from a worker thread: PGlite runs in the main thread and a long seeding
 * statement blocks it for seconds, during which a server there would not answer at all. The main
 * thread renders each step's page and hands it over; the worker only answers with the latest one.
 */
const PELAYAN = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
let halaman = { html: '', api: '' };
const server = http.createServer((req, res) => {
  res.setHeader('retry-after', '3');
  res.setHeader('cache-control', 'no-store');
  const api = (req.url || '').startsWith('/api/');
  res.writeHead(503, { 'content-type': (api ? 'application/json' : 'text/html') + '; charset=utf-8' });
  res.end(api ? halaman.api : halaman.html);
});
parentPort.on('message', (m) => {
  if (m === 'tutup') {
    server.close(() => parentPort.postMessage('tertutup'));
    server.closeAllConnections();
  } else halaman = m;
});
server.once('error', (e) => parentPort.postMessage({ galat: e.message }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage('siap'));
`;

let pelayan: Worker | null = null;
const log: Langkah[] = [];
const awal = Date.now();

function kirimHalaman() {
  pelayan?.postMessage({
    html: halamanPersiapan(log),
    api: JSON.stringify({
      error: {
        code: 'SEDANG_DISIAPKAN',
        message: `e-Kinerja sedang disiapkan (${log.at(-1)?.teks ?? 'memulai'}). Coba lagi sebentar lagi.`,
      },
    }),
  });
}

/** The one step reporter of the process: prints the step; the page, when open, shows it as current. */
export function langkah(teks: string): void {
  const detik = Math.round((Date.now() - awal) / 1000);
  log.push({ teks, detik });
  process.stdout.write(`[e-Kinerja ${String(detik).padStart(3)} dtk] ${teks}\n`);
  kirimHalaman();
}

function pesanBerikut(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** Opens the preparation page on the port the product will use. */
export async function bukaPersiapan(port: number, host: string): Promise<void> {
  const w = new Worker(PELAYAN, { eval: true, workerData: { port, host } });
  const jawab = await pesanBerikut(w);
  if (jawab !== 'siap') {
    await w.terminate();
    throw new Error(`Port ${port} tidak dapat dipakai: ${(jawab as { galat: string }).galat}`);
  }
  pelayan = w;
  kirimHalaman();
}

/** Frees the port for the real server, if this process opened the page (`npm start`, not `npm run dev`). */
export async function tutupPersiapan(): Promise<void> {
  const w = pelayan;
  if (!w) return;
  pelayan = null;
  const tertutup = pesanBerikut(w);
  w.postMessage('tutup');
  await tertutup;
  await w.terminate();
}
