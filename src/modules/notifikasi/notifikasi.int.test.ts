import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg } from '../../../test/org.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
});
afterAll(() => h.close());

describe('notifikasi', () => {
  it('pages newest first, counts the unread, marks some or all read, and shows each user only their own', async () => {
    const org = await buildOrg(h.db);
    const kasi = await h.login(org.pengawas.nip);
    const staf = await h.login(org.pelaksana.nip);
    const staf2 = await h.login(org.pelaksana2.nip);
    for (const pesan of ['Satu', 'Dua', 'Tiga']) {
      const sent = await kasi.post('/api/skp-bawahan/pengingat', {
        tahun: 2026,
        pegawaiIds: [org.pelaksana.id],
        pesan,
      });
      expect(sent.json()).toEqual({ terkirim: 1 });
    }
    const first = (await staf.get('/api/notifikasi?limit=2')).json();
    expect(first.items.map((n: { pesan: string }) => n.pesan)).toEqual(['Tiga', 'Dua']);
    expect(first.belumDibaca).toBe(3);
    const second = (await staf.get(`/api/notifikasi?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: { pesan: string }) => n.pesan)).toEqual(['Satu']);
    expect(second.nextCursor).toBeNull();
    expect((await staf.get('/api/notifikasi?cursor=abc')).statusCode).toBe(400);

    // Someone else's ids change nothing.
    await staf2.post('/api/notifikasi/baca', { ids: [first.items[0].id] });
    expect((await staf.get('/api/notifikasi')).json().belumDibaca).toBe(3);
    expect((await staf2.get('/api/notifikasi')).json()).toMatchObject({ items: [], belumDibaca: 0 });

    await staf.post('/api/notifikasi/baca', { ids: [first.items[0].id] });
    const after = (await staf.get('/api/notifikasi')).json();
    expect(after.belumDibaca).toBe(2);
    expect(after.items.map((n: { dibaca: boolean }) => n.dibaca)).toEqual([true, false, false]);
    await staf.post('/api/notifikasi/baca', {});
    expect((await staf.get('/api/notifikasi')).json().belumDibaca).toBe(0);
    expect((await h.app.inject({ method: 'GET', url: '/api/notifikasi' })).statusCode).toBe(401);
  });
});
