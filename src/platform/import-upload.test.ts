import { describe, expect, it } from 'vitest';
import { createImportGate, IMPORT_RETRY_AFTER_SECONDS } from './import-upload.js';

function held() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { done, release };
}

describe('createImportGate', () => {
  it('lets N imports of one instansi run, refuses the next at once with Retry-After, and frees a place when one ends', async () => {
    const gate = createImportGate(2);
    const [a, b] = [held(), held()];
    const running = [gate.run(1, () => a.done), gate.run(1, () => b.done)];
    await expect(gate.run(1, async () => 'tidak')).rejects.toMatchObject({
      code: 'IMPOR_SIBUK',
      status: 429,
      retryAfter: IMPORT_RETRY_AFTER_SECONDS,
      message: `Sudah ada 2 impor instansi ini yang sedang berjalan; coba lagi dalam ${IMPORT_RETRY_AFTER_SECONDS} detik.`,
    });
    // Another instansi has its own places.
    await expect(gate.run(2, async () => 'lain')).resolves.toBe('lain');
    a.release();
    await running[0];
    await expect(gate.run(1, async () => 'lagi')).resolves.toBe('lagi');
    b.release();
    await running[1];
  });

  it('frees the place of an import that fails', async () => {
    const gate = createImportGate(1);
    await expect(gate.run(1, () => Promise.reject(new Error('gagal')))).rejects.toThrow('gagal');
    await expect(gate.run(1, async () => 'ok')).resolves.toBe('ok');
  });
});
