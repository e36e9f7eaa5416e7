ALTER TABLE "kehadiran" ADD COLUMN "apel" text;--> statement-breakpoint
ALTER TABLE "kehadiran" ADD CONSTRAINT "kehadiran_apel_ck" CHECK ("kehadiran"."apel" IN ('HADIR', 'TIDAK_HADIR'));--> statement-breakpoint
-- hand-written:
-- The two TPP parameters added with the ceremony deduction: a saved parameter set takes the defaults
-- (1 % per missed ceremony, productivity from the predikat); a computed month keeps what it was
-- computed with, which had no ceremony deduction.
UPDATE tpp_parameter SET parameter = parameter || '{"persenApel": 1, "dasarProduktivitas": "PREDIKAT"}'::jsonb
 WHERE NOT parameter ? 'persenApel';
--> statement-breakpoint
UPDATE tpp_bulan SET parameter = parameter || '{"persenApel": 0, "dasarProduktivitas": "PREDIKAT"}'::jsonb
 WHERE NOT parameter ? 'persenApel';
