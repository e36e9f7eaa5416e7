import { describe, expect, it } from 'vitest';
import type { Pendengar } from '../../db/client.js';
import { type AktorSesi, createCacheAktor, KANAL_AKTOR } from './cache-aktor.js';

const aktor = (id: number): AktorSesi => ({
  id,
  nip: String(id),
  gelarDepan: null,
  nama: `P${id}`,
  gelarBelakang: null,
  instansiId: 1,
  opdId: null,
  mustChangePassword: false,
  mustEnrolMfa: false,
  roles: [],
  csrfToken: 'c',
  expiresAt: new Date(10_000),
  berakhirMutlakAt: new Date(20_000),
});

function siapkan() {
  let p!: Pendengar;
  let kanal = '';
  const cache = createCacheAktor({
    ttlMs: 60_000,
    dengar: (k, pendengar) => {
      kanal = k;
      p = pendengar;
      return async () => {};
    },
  });
  let muatan = 0;
  const baca = (sesi: string, id: number, now = 0) =>
    cache.ambil(sesi, now, async () => {
      muatan++;
      return aktor(id);
    });
  return { cache, p, kanal: () => kanal, baca, muatan: () => muatan };
}

describe('createCacheAktor', () => {
  it('caches nothing until the channel is heard, and nothing again once it is lost', async () => {
    const t = siapkan();
    expect(t.kanal()).toBe(KANAL_AKTOR);
    await t.baca('s1', 1);
    await t.baca('s1', 1);
    expect(t.muatan()).toBe(2);
    t.p.keadaan(true);
    await t.baca('s1', 1);
    await t.baca('s1', 1);
    expect(t.muatan()).toBe(3);
    t.p.keadaan(false);
    await t.baca('s1', 1);
    expect(t.muatan()).toBe(4);
    // Heard again: what was cached before the loss is gone.
    t.p.keadaan(true);
    await t.baca('s1', 1);
    expect(t.muatan()).toBe(5);
  });

  it('forgets the employees a notification names, everyone on "*", and a session past its end', async () => {
    const t = siapkan();
    t.p.keadaan(true);
    await t.baca('s1', 1);
    await t.baca('s2', 2);
    await t.baca('s3', 3);
    t.p.pesan('1,3');
    await Promise.all([t.baca('s1', 1), t.baca('s2', 2), t.baca('s3', 3)]);
    expect(t.muatan()).toBe(5);
    t.p.pesan('*');
    await Promise.all([t.baca('s1', 1), t.baca('s2', 2)]);
    expect(t.muatan()).toBe(7);
    await t.baca('s2', 2, 10_000);
    expect(t.muatan()).toBe(8);
    expect(t.cache.diberitahu).toBe(2);
  });

  it('does not keep "no such session"', async () => {
    const t = siapkan();
    t.p.keadaan(true);
    let n = 0;
    const tidakAda = () =>
      t.cache.ambil('x', 0, async () => {
        n++;
        return null;
      });
    await tidakAda();
    await tidakAda();
    expect(n).toBe(2);
  });
});
