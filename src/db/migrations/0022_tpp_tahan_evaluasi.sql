-- Custom SQL migration file, put your code below! ---- hand-written:
-- The new TPP parameter (withhold while last year's annual evaluation is not FINAL) is off in what
-- was saved before it existed: a BKD's saved Perkada and computed months keep their meaning; only
-- the defaults (no saved row) turn it on.
UPDATE "tpp_parameter" SET "parameter" = "parameter" || '{"tahanEvaluasiSejakBulan": null}'::jsonb
 WHERE NOT ("parameter" ? 'tahanEvaluasiSejakBulan');
--> statement-breakpoint
UPDATE "tpp_bulan" SET "parameter" = "parameter" || '{"tahanEvaluasiSejakBulan": null}'::jsonb
 WHERE NOT ("parameter" ? 'tahanEvaluasiSejakBulan');
