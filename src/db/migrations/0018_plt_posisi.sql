-- Custom SQL migration file, put your code below! --
-- hand-written:
-- The position through which p_atasan leads p_id on a date (SPEC §4.1): the nearest position up
-- p_id's chain that p_atasan holds definitively or acts for (Plt/Plh); else, when an admin
-- override names him, his own definitive position.
CREATE FUNCTION jabatan_atasan(p_id integer, p_atasan integer, p_tanggal date) RETURNS integer
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(jid, d) AS (
    SELECT j.atasan_jabatan_id, 1 FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE p.id = p_id
    UNION ALL
    SELECT j.atasan_jabatan_id, up.d + 1 FROM up JOIN jabatan j ON j.id = up.jid
     WHERE up.d < 30 AND j.atasan_jabatan_id <> j.id
  )
  SELECT coalesce(
    (SELECT up.jid FROM up
      WHERE EXISTS (SELECT 1 FROM pegawai h WHERE h.id = p_atasan AND h.jabatan_id = up.jid)
         OR EXISTS (SELECT 1 FROM penugasan t
                     WHERE t.pegawai_id = p_atasan AND t.jabatan_id = up.jid AND t.jenis IN ('PLT', 'PLH')
                       AND t.tmt_mulai <= p_tanggal AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal))
      ORDER BY up.d LIMIT 1),
    (SELECT jabatan_id FROM pegawai WHERE id = p_atasan))
$$;
--> statement-breakpoint
-- Whose plan a subordinate intervenes in a year (SPEC §4.1, §4.2): the plan written for the
-- position through which the superior leads him. A definitive holder's own plan for it; an acting
-- official's own plan for it if he has one, else the one last written for that position that year
-- (the previous holder's, whose duties he holds); never his plan from his own position elsewhere.
-- pemilik_id is the superior himself when no plan exists yet, so "waiting on whom" names him.
CREATE FUNCTION rencana_atasan(p_id integer, p_atasan integer, p_tahun integer, p_tanggal date,
  OUT jabatan_id integer, OUT pemilik_id integer)
LANGUAGE sql STABLE AS $$
  WITH j AS (SELECT jabatan_atasan(p_id, p_atasan, p_tanggal) AS jid)
  SELECT j.jid, coalesce(
    (SELECT s.pegawai_id FROM skp s
      WHERE s.jabatan_id = j.jid AND s.tahun = p_tahun
        AND (s.pegawai_id = p_atasan
             OR NOT EXISTS (SELECT 1 FROM pegawai h WHERE h.id = p_atasan AND h.jabatan_id = j.jid))
      ORDER BY s.pegawai_id = p_atasan DESC, s.id DESC LIMIT 1),
    p_atasan)
    FROM j
$$;
--> statement-breakpoint
-- The direct subordinates whose superior's plan is this one (SPEC §4.3, matriks and dibagi habis):
-- led by its owner or by whoever holds or acts for its position, and resolved by rencana_atasan().
CREATE FUNCTION bawahan_rencana(p_skp integer, p_tanggal date) RETURNS SETOF integer
LANGUAGE sql STABLE AS $$
  WITH s AS (SELECT pegawai_id, jabatan_id, tahun FROM skp WHERE id = p_skp),
  pemimpin(id) AS (
    SELECT pegawai_id FROM s
    UNION
    SELECT h.id FROM pegawai h JOIN s ON h.jabatan_id = s.jabatan_id WHERE h.is_active
    UNION
    SELECT t.pegawai_id FROM penugasan t JOIN s ON t.jabatan_id = s.jabatan_id
     WHERE t.jenis IN ('PLT', 'PLH') AND t.tmt_mulai <= p_tanggal AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal)
  ),
  calon(id, atasan) AS (SELECT DISTINCT b.id, m.id FROM pemimpin m CROSS JOIN LATERAL bawahan_langsung(m.id, p_tanggal) AS b(id))
  SELECT c.id FROM calon c CROSS JOIN s CROSS JOIN LATERAL rencana_atasan(c.id, c.atasan, s.tahun, p_tanggal) r
   WHERE r.jabatan_id = s.jabatan_id AND r.pemilik_id = s.pegawai_id
$$;
