-- The yearly job (ADR 0025) now finds the tables to prepare in the catalog: every partitioned
-- table of this schema with a DEFAULT partition named <table>_lain. A migration that partitions
-- another history table by year then needs nothing more for its partitions to be kept.
-- The years are read before any partition is made: partisi_tahunan alters the DEFAULT partition
-- (migration 0042), which PostgreSQL refuses while a loop still reads it.
CREATE OR REPLACE FUNCTION partisi_tahunan_siapkan() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  tabel text;
  k record;
  tahun integer;
  tahunan integer[];
BEGIN
  -- Instances running it at once wait for each other instead of creating the same table twice.
  PERFORM pg_advisory_xact_lock(hashtext('partisi_tahunan'));
  FOR tabel IN
    SELECT c.relname::text
      FROM pg_partitioned_table p
      JOIN pg_class c ON c.oid = p.partrelid
     WHERE c.relnamespace = current_schema()::regnamespace
       AND NOT c.relispartition
       AND to_regclass(quote_ident(c.relname || '_lain')) IS NOT NULL
     ORDER BY 1
  LOOP
    k := partisi_kunci(tabel);
    EXECUTE format(
      'SELECT array_agg(y ORDER BY y) FROM (
         SELECT y FROM generate_series(extract(year FROM current_date)::int, extract(year FROM current_date)::int + 1) y
          UNION SELECT DISTINCT %s FROM %I) t',
      CASE WHEN k.angka THEN format('%I::int', k.kunci) ELSE format('extract(year FROM %I)::int', k.kunci) END,
      tabel || '_lain')
      INTO tahunan;
    FOREACH tahun IN ARRAY tahunan LOOP
      IF partisi_tahunan(tabel, tahun) THEN
        RETURN NEXT tabel || '_' || tahun;
      END IF;
    END LOOP;
  END LOOP;
END
$$;
