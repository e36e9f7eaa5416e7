/** A large synthetic instansi for scale tests and benchmarks: ~45 OPD of the demo's shape. */
import { buildProvince, type OpdSpec } from './province.js';

/** Which of several synthetic instansi on one installation (the multi-instansi bench): 1 of 1 by default. */
export interface SyntheticInstansi {
  nomor: number;
  dari: number;
}

/** The NIP sequence numbers (last three digits) the synthetic instansi share out; the demo has 1–499. */
const SEQ: [number, number] = [500, 999];

export function syntheticPlan(employees: number, { nomor, dari }: SyntheticInstansi = { nomor: 1, dari: 1 }) {
  const width = Math.floor((SEQ[1] - SEQ[0] + 1) / dari);
  if (!Number.isInteger(nomor) || nomor < 1 || nomor > dari || width < 1)
    throw new Error(`Instansi sintetis ${nomor} dari ${dari}: di luar 1–${SEQ[1] - SEQ[0] + 1}`);
  const opdCount = Math.max(3, Math.min(45, Math.round(employees / 200)));
  const opd: OpdSpec[] = Array.from({ length: opdCount }, (_, i) => {
    const nomorOpd = String(i + 1).padStart(2, '0');
    return {
      nama: `Dinas Sintetis ${nomorOpd}`,
      kepala: `Kepala Dinas Sintetis ${nomorOpd}`,
      bidang: ['A', 'B', 'C', 'D'].map((b) => ({
        nama: `Bidang ${b}`,
        seksi: [`Seksi ${b}1`, `Seksi ${b}2`, `Seksi ${b}3`],
      })),
      upt: employees >= 20_000 ? ['UPTD Wilayah I', 'UPTD Wilayah II', 'UPTD Wilayah III'] : [],
      fungsional: [
        ['Analis Kebijakan Ahli Muda', 'AHLI_MUDA'],
        ['Pranata Komputer Terampil', 'TERAMPIL'],
      ],
    };
  });
  const pegawai = employees.toLocaleString('id-ID');
  // Instansi 1 is the single synthetic instansi unchanged; the others differ in code, names and NIPs:
  // each draws its NIPs' sequence numbers from its own share of SEQ, so no NIP repeats across them.
  const { plan } = buildProvince({
    kode: nomor === 1 ? `SINTETIS-${employees}` : `SINTETIS-${employees}-${nomor}`,
    nama:
      nomor === 1
        ? `Instansi Sintetis (${pegawai} pegawai)`
        : `Instansi Sintetis ${nomor} (${pegawai} pegawai)`,
    kepalaDaerah: 'Kepala Daerah Sintetis',
    seed: employees * nomor,
    total: employees,
    opd,
    biro: [{ nama: 'Biro Umum', asisten: 0, bagian: ['Bagian Umum'] }],
    asisten: ['Asisten Administrasi Umum'],
    seqRange: [SEQ[0] + (nomor - 1) * width, SEQ[0] + nomor * width - 1],
  });
  plan.roles.push({ pegawaiKey: 'p:biro0:bag0', peran: 'ADMIN_INSTANSI', opdKey: null });
  return plan;
}
