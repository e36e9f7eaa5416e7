/** How an employee's name is written with academic titles: "dr. Siti Aisyah, M.Kes." */
export function namaLengkap(p: {
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
}): string {
  const depan = p.gelarDepan?.trim() ? `${p.gelarDepan.trim()} ` : '';
  const belakang = p.gelarBelakang?.trim() ? `, ${p.gelarBelakang.trim()}` : '';
  return `${depan}${p.nama.trim()}${belakang}`;
}
