CREATE INDEX "skp_jabatan_tahun_idx" ON "skp" USING btree ("jabatan_id","tahun");--> statement-breakpoint
-- hand-written:
-- Who held a position on a date (SPEC §4.1): the definitive holder by the assignment history, else
-- the current holder unless his assignment began later, else an acting Plt/Plh; never p_kecuali.
CREATE FUNCTION pemangku_jabatan(p_jid integer, p_tanggal date, p_kecuali integer) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
-- plpgsql, not sql: its statement plans are cached per connection (as atasan_langsung's).
BEGIN
  RETURN coalesce(
    (SELECT t.pegawai_id FROM penugasan t JOIN pegawai h ON h.id = t.pegawai_id AND h.is_active
      WHERE t.jabatan_id = p_jid AND t.jenis = 'DEFINITIF' AND t.tmt_mulai <= p_tanggal
        AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal) AND t.pegawai_id <> p_kecuali
      ORDER BY t.tmt_mulai DESC, t.pegawai_id LIMIT 1),
    (SELECT h.id FROM pegawai h
      WHERE h.jabatan_id = p_jid AND h.is_active AND h.id <> p_kecuali
        AND NOT EXISTS (SELECT 1 FROM penugasan t WHERE t.pegawai_id = h.id AND t.jabatan_id = p_jid
                           AND t.jenis = 'DEFINITIF' AND t.tmt_mulai > p_tanggal)
      ORDER BY h.id LIMIT 1),
    (SELECT t.pegawai_id FROM penugasan t JOIN pegawai h ON h.id = t.pegawai_id AND h.is_active
      WHERE t.jabatan_id = p_jid AND t.jenis IN ('PLT', 'PLH') AND t.tmt_mulai <= p_tanggal
        AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal) AND t.pegawai_id <> p_kecuali
      ORDER BY t.pegawai_id LIMIT 1));
END
$$;
--> statement-breakpoint
-- Who assesses an SKP's periods and annual evaluation (SPEC §4.1): for the plan of the position the
-- employee holds, his superior on p_tanggal (atasan_langsung: admin override, Plt/Plh); for a plan of
-- a position he has left, the superiors of that position as it stood on the plan's last day, so the
-- old assessor keeps it after a mutation. A JPT plan is assessed by the head of region (the top of
-- the chain), with nobody above. atasan_id is the atasan pejabat penilai.
CREATE FUNCTION penilai_skp(p_skp integer, p_tanggal date, OUT penilai_id integer, OUT atasan_id integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_pegawai integer;
  v_jabatan integer;
  v_akhir date;
  v_kini integer;
  v_jpt boolean;
  v_jid integer;
  v_holder integer;
  v_depth integer := 0;
BEGIN
  SELECT s.pegawai_id, s.jabatan_id, s.periode_akhir, p.jabatan_id, s.is_jpt
    INTO v_pegawai, v_jabatan, v_akhir, v_kini, v_jpt
    FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE s.id = p_skp;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF v_jabatan IS NOT DISTINCT FROM v_kini THEN
    v_holder := atasan_langsung(v_pegawai, p_tanggal);
    WHILE v_holder IS NOT NULL AND v_holder <> v_pegawai AND v_depth < 20 LOOP
      IF penilai_id IS NULL THEN
        penilai_id := v_holder;
      ELSIF v_jpt THEN
        penilai_id := v_holder;
      ELSE
        atasan_id := v_holder;
        RETURN;
      END IF;
      v_jid := v_holder;
      v_holder := atasan_langsung(v_holder, p_tanggal);
      EXIT WHEN v_holder = v_jid;
      v_depth := v_depth + 1;
    END LOOP;
    RETURN;
  END IF;
  SELECT j.atasan_jabatan_id INTO v_jid FROM jabatan j WHERE j.id = v_jabatan;
  WHILE v_jid IS NOT NULL AND v_depth < 30 LOOP
    v_holder := pemangku_jabatan(v_jid, v_akhir, v_pegawai);
    IF v_holder IS NOT NULL THEN
      IF penilai_id IS NULL OR v_jpt THEN
        penilai_id := v_holder;
      ELSIF v_holder <> penilai_id THEN
        atasan_id := v_holder;
        RETURN;
      END IF;
    END IF;
    SELECT j.atasan_jabatan_id INTO v_jid FROM jabatan j WHERE j.id = v_jid;
    v_depth := v_depth + 1;
  END LOOP;
END
$$;
--> statement-breakpoint
-- penilai_skp()'s pejabat penilai alone, for the batch jobs and lists that need only him: the plan of
-- the employee's current non-JPT position costs one atasan_langsung() call.
CREATE FUNCTION pejabat_penilai_skp(p_skp integer, p_tanggal date) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_pegawai integer;
  v_sama boolean;
  v_jpt boolean;
BEGIN
  SELECT s.pegawai_id, s.jabatan_id IS NOT DISTINCT FROM p.jabatan_id, s.is_jpt INTO v_pegawai, v_sama, v_jpt
    FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE s.id = p_skp;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF v_sama AND NOT v_jpt THEN
    RETURN atasan_langsung(v_pegawai, p_tanggal);
  END IF;
  RETURN (penilai_skp(p_skp, p_tanggal)).penilai_id;
END
$$;
--> statement-breakpoint
-- The plans of positions their holders have left (this year or last) that p_penilai assesses by
-- penilai_skp(): candidates are the plans of those whose assignment ended (this year or last) in a
-- position under one he holds or held then, reached through vacant positions as bawahan_langsung()
-- does; pejabat_penilai_skp() then decides, so both always agree. Starting from the ended
-- assignments keeps it to the few who moved, not every holder of a reached position; two plpgsql
-- statements (the positions, then the plans) keep cached plans cheap (bench/penilai.ts).
CREATE FUNCTION skp_ditinggal_dinilai(p_penilai integer, p_tanggal date) RETURNS SETOF integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_awal date := make_date(extract(year FROM p_tanggal)::int - 1, 1, 1);
  v_jids integer[];
BEGIN
  WITH RECURSIVE mine(jid) AS (
    SELECT jabatan_id FROM pegawai WHERE id = p_penilai AND jabatan_id IS NOT NULL
    UNION
    SELECT t.jabatan_id FROM penugasan t
     WHERE t.pegawai_id = p_penilai AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= v_awal)
  ), reach(jid, d) AS (
    SELECT j.id, 1 FROM jabatan j JOIN mine m ON j.atasan_jabatan_id = m.jid
    UNION ALL
    SELECT j.id, r.d + 1 FROM reach r JOIN jabatan j ON j.atasan_jabatan_id = r.jid
     WHERE r.d < 10 AND NOT EXISTS (SELECT 1 FROM pegawai h WHERE h.jabatan_id = r.jid AND h.is_active)
  )
  SELECT array_agg(DISTINCT jid) INTO v_jids FROM reach;
  IF v_jids IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT DISTINCT s.id FROM penugasan t
    JOIN skp s ON s.pegawai_id = t.pegawai_id AND s.jabatan_id = t.jabatan_id
     AND s.tahun >= extract(year FROM v_awal)::int
    JOIN pegawai p ON p.id = s.pegawai_id
   WHERE t.jabatan_id = ANY (v_jids) AND t.jenis = 'DEFINITIF' AND t.tmt_selesai >= v_awal
     AND s.jabatan_id IS DISTINCT FROM p.jabatan_id AND s.pegawai_id <> p_penilai
     AND pejabat_penilai_skp(s.id, p_tanggal) = p_penilai;
END
$$;
