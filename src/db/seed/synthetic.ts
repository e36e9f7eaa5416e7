/** A large synthetic instansi for scale tests and benchmarks: ~45 OPD of the demo's shape. */
import { buildProvince, type OpdSpec } from './province.js';

export function syntheticPlan(employees: number) {
  const opdCount = Math.max(3, Math.min(45, Math.round(employees / 200)));
  const opd: OpdSpec[] = Array.from({ length: opdCount }, (_, i) => {
    const nomor = String(i + 1).padStart(2, '0');
    return {
      nama: `Dinas Sintetis ${nomor}`,
      kepala: `Kepala Dinas Sintetis ${nomor}`,
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
  const { plan } = buildProvince({
    kode: `SINTETIS-${employees}`,
    nama: `Instansi Sintetis (${employees.toLocaleString('id-ID')} pegawai)`,
    kepalaDaerah: 'Kepala Daerah Sintetis',
    seed: employees,
    total: employees,
    opd,
    biro: [{ nama: 'Biro Umum', asisten: 0, bagian: ['Bagian Umum'] }],
    asisten: ['Asisten Administrasi Umum'],
    seqRange: [500, 999],
  });
  plan.roles.push({ pegawaiKey: 'p:biro0:bag0', peran: 'ADMIN_INSTANSI', opdKey: null });
  return plan;
}
