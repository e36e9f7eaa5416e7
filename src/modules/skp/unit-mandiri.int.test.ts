import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { iki, plan, tiga } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const ALASAN = 'UPT mandiri sesuai peraturan gubernur tentang organisasi UPT';

describe('heads of independent units: JPT layout, own superior as assessor (SPEC §4.2)', () => {
  it('only the BKD marks a position, with a reason, audited; the organisation page shows it', async () => {
    const bkd = await h.login(org.adminBkd.nip);
    const opd = await h.login(org.adminOpd.nip);
    const url = `/api/jabatan/${org.jabatan.jKasi}/unit-mandiri`;

    expect((await opd.put(url, { kepalaUnitMandiri: true, alasan: ALASAN })).statusCode).toBe(403);
    expect((await bkd.put(url, { kepalaUnitMandiri: true })).statusCode).toBe(400);
    const staf = await bkd.put(`/api/jabatan/${org.jabatan.jStaf}/unit-mandiri`, {
      kepalaUnitMandiri: true,
      alasan: ALASAN,
    });
    expect(staf.json().error.message).toMatch(/Hanya jabatan administrator atau pengawas/);
    const set = await bkd.put(url, { kepalaUnitMandiri: true, alasan: ALASAN });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ id: org.jabatan.jKasi, kepalaUnitMandiri: true });

    const unor = (await bkd.get(`/api/unor/${org.unor.seksi.id}`)).json();
    const kasi = unor.jabatan.find((j: { id: number }) => j.id === org.jabatan.jKasi);
    expect(kasi.kepalaUnitMandiri).toBe(true);

    const unset = await bkd.put(url, { kepalaUnitMandiri: false, alasan: ALASAN });
    expect(unset.json().kepalaUnitMandiri).toBe(false);
    await bkd.put(url, { kepalaUnitMandiri: true, alasan: ALASAN });

    const audit = await rows<{ actorId: number; before: unknown; after: unknown; reason: string }>(
      h.db,
      sql`SELECT actor_id AS "actorId", before, after, reason FROM audit_log
           WHERE action = 'jabatan.unit_mandiri' AND entity_id = ${String(org.jabatan.jKasi)} ORDER BY id`,
    );
    expect(audit).toEqual([
      {
        actorId: org.adminBkd.id,
        before: { kepalaUnitMandiri: false },
        after: { kepalaUnitMandiri: true },
        reason: ALASAN,
      },
      {
        actorId: org.adminBkd.id,
        before: { kepalaUnitMandiri: true },
        after: { kepalaUnitMandiri: false },
        reason: ALASAN,
      },
      {
        actorId: org.adminBkd.id,
        before: { kepalaUnitMandiri: false },
        after: { kepalaUnitMandiri: true },
        reason: ALASAN,
      },
    ]);
  });

  it('the head plans in the JPT layout and his direct superior, not the head of region, approves', async () => {
    const gub = await h.login(org.gubernur.nip);
    const kabid = await h.login(org.administrator.nip);
    const kasi = await h.login(org.pengawas.nip);

    // Aspek IKIs are not the JPT layout: a perspektif is required.
    const aspek = await plan(kasi, [
      { jenis: 'UTAMA', rencana: 'Terlaksananya layanan UPT', iki: tiga(4, 'layanan') },
    ]);
    expect(aspek).toMatchObject({ formatJpt: true, isJpt: false });
    expect(aspek.temuan.map((t: { message: string }) => t.message)).toContain(
      "Indikator 'Jumlah layanan' pada RHK 'Terlaksananya layanan UPT' belum memiliki perspektif.",
    );

    // No intervensi required, although the superior has no plan to intervene.
    let skp = (
      await kasi.put(`/api/skp/${aspek.id}/isi`, {
        version: aspek.version,
        rhk: [
          {
            jenis: 'UTAMA',
            rencana: 'Terlaksananya layanan UPT',
            iki: [iki(null, 'Jumlah layanan UPT', 4, 'layanan', 'PENERIMA_LAYANAN')],
          },
        ],
      })
    ).json();
    expect(skp.temuan).toEqual([]);
    skp = (await kasi.post(`/api/skp/${skp.id}/ajukan`, { version: skp.version })).json();
    expect(skp.status).toBe('DIAJUKAN');
    const [dikirim] = await rows<{ penilai: number }>(
      h.db,
      sql`SELECT pejabat_penilai_id AS penilai FROM skp WHERE id = ${skp.id}`,
    );
    expect(dikirim!.penilai).toBe(org.administrator.id);

    const byGub = await gub.post(`/api/skp/${skp.id}/setujui`, { version: skp.version });
    expect(byGub.statusCode).toBe(403);
    const byKabid = await kabid.post(`/api/skp/${skp.id}/setujui`, { version: skp.version });
    expect(byKabid.statusCode, byKabid.body).toBe(200);
    expect(byKabid.json()).toMatchObject({ status: 'DISETUJUI', formatJpt: true, isJpt: false });
  });

  it('a plan keeps the layout it was created with when the attribute changes', async () => {
    const bkd = await h.login(org.adminBkd.nip);
    const kabid = await h.login(org.administrator.nip);
    const before = await plan(kabid, [
      { jenis: 'UTAMA', rencana: 'Tersusunnya kurikulum SMA', iki: tiga(40, 'dokumen') },
    ]);
    expect(before.formatJpt).toBe(false);
    await bkd.put(`/api/jabatan/${org.jabatan.jKabid}/unit-mandiri`, {
      kepalaUnitMandiri: true,
      alasan: ALASAN,
    });
    expect((await kabid.get(`/api/skp/${before.id}`)).json().formatJpt).toBe(false);
  });
});
