/**
 * TPP (tambahan penghasilan pegawai, SPEC §7.1): the monthly allowance from a base per kelas jabatan,
 * split into productivity (the monthly predikat) and discipline (attendance). Every weight, band,
 * factor and amount is data edited by the BKD per Perkada.
 */
import type { PredikatPegawai } from './predikat.js';

/** Deduction band for lateness or leaving early: minutes from..to (to null = and more), percent per occurrence. */
export interface PitaPotongan {
  dariMenit: number;
  sampaiMenit: number | null;
  persen: number;
}

export interface ParameterTpp {
  /** Monthly base amount in rupiah per kelas jabatan ('1'..'17'). */
  dasarPerKelas: Record<string, number>;
  /** Weights in percent; they add up to 100 (default 60/40). */
  bobotProduktivitas: number;
  bobotDisiplin: number;
  pitaTerlambat: PitaPotongan[];
  pitaPulangCepat: PitaPotongan[];
  /** Percent of the discipline part lost per working day absent without reason (or without any record). */
  persenTanpaKeterangan: number;
  /** Productivity factor in percent per monthly predikat (SB 100, B 100, BP 75, K 50, SK 25). */
  faktorPredikat: Record<PredikatPegawai, number>;
  /** Productivity factor when the month has no predikat. */
  faktorTanpaPredikat: number;
  /** Withhold the whole TPP while the employee's annual SKP is not approved. */
  tahanTanpaSkp: boolean;
}
