import { describe, expect, it } from 'vitest';
import { halamanPersiapan } from './persiapan.js';

describe('the preparation page', () => {
  it('shows the current step as a status, the finished ones as a list, and refreshes itself', () => {
    const html = halamanPersiapan([
      { teks: 'Membangun antarmuka web', detik: 0 },
      { teks: 'Data demo dimuat: organisasi: 120 unit kerja, 1500 pegawai', detik: 41 },
    ]);
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<h1>Sedang menyiapkan e-Kinerja…</h1>');
    expect(html).toContain('<meta http-equiv="refresh" content="3">');
    expect(html).toContain('role="status">Data demo dimuat: organisasi: 120 unit kerja, 1500 pegawai</p>');
    expect(html).toContain('<li>Membangun antarmuka web (detik 0)</li>');
  });

  it('says it is starting before the first step, and never passes markup through', () => {
    expect(halamanPersiapan([])).toContain('role="status">Memulai…</p>');
    const html = halamanPersiapan([{ teks: 'folder <data> & "x"', detik: 1 }]);
    expect(html).toContain('folder &lt;data&gt; &amp; &quot;x&quot;');
    expect(html).not.toContain('<data>');
  });
});
