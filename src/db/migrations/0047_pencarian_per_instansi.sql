-- ADR 0033: the employee search's indexes are led by the instansi, so a search reads only its own
-- instansi's matches however many instansi share the installation. The trigram index needs btree_gin
-- for the integer column (a trusted extension: the database owner may create it). New indexes first,
-- then the old ones go, so the previous release keeps searching fast while nodes are rolled.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "pegawai_instansi_nama_trgm_idx" ON "pegawai" USING gin ("instansi_id",lower("nama") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "pegawai_instansi_nip_pattern_idx" ON "pegawai" USING btree ("instansi_id","nip" text_pattern_ops);--> statement-breakpoint
DROP INDEX "pegawai_nama_trgm_idx";--> statement-breakpoint
DROP INDEX "pegawai_nip_pattern_idx";
