/**
 * Upload a CSV/XLSX file to an import endpoint: a dry run first, then the all-or-nothing commit,
 * applied as a job (ADR 0011) the user may leave; its report comes back here, or to the page the
 * tray links to (`?pekerjaan=<id>`).
 */
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { PekerjaanOut } from '../../src/contracts/pekerjaan';
import { pekerjaanQuery, useTampilkanPekerjaan } from '../features/pekerjaan/api';
import { api, unggah } from './api';
import { type KemajuanImpor, persenUnggah } from './impor-kemajuan';
import { bagianTautan } from './tautan-pekerjaan';

type Mode = 'dry-run' | 'commit';

/** The commit's job form: `/api/x/impor?periode=…` → `/api/x/impor/latar?periode=…`. */
export function urlLatar(endpoint: string): string {
  const [jalur, tanya] = endpoint.split('?');
  return `${jalur}/latar${tanya ? `?${tanya}` : ''}`;
}

/** The job's stored report: the direct commit's 200 body, or its refusal's error body. */
type HasilImpor<R> = R | { error: { code: string; message: string; details?: unknown } };

export function useImporBerkas<R extends { mode: Mode; jumlahBaris: number }>(
  endpoint: string,
  options: {
    /** After a successful commit started here (notify, refresh caches). */
    onCommit: (report: R) => Promise<unknown> | undefined;
    /** The report carried by a refused commit (IMPORT_INVALID), so its rows can be shown. */
    fromRefusal: (details: unknown) => R;
    /**
     * Two imports share the /impor page: the section's name in its jobs' link (`?bagian=`, set by the
     * server's job), so a tray link's job is shown only by the import it is of.
     */
    bagian?: string;
  },
) {
  const [file, setFileState] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [kemajuan, setKemajuan] = useState<KemajuanImpor | null>(null);
  const tampilkan = useTampilkanPekerjaan();
  // The job whose report this page shows: the one started here, else the tray's link.
  const [dimulai, setDimulai] = useState<number | null>(null);
  const dariTautan = (useSearch({ strict: false }) as { pekerjaan?: unknown }).pekerjaan;
  const id = dimulai ?? (Number.isInteger(dariTautan) ? (dariTautan as number) : null);
  const calon = useQuery({ ...pekerjaanQuery, enabled: id !== null }).data?.items.find((p) => p.id === id);
  const job =
    calon && (dimulai !== null || !options.bagian || bagianTautan(calon.tautan) === options.bagian)
      ? calon
      : undefined;
  const berakhir = job !== undefined && job.status !== 'BERJALAN' && job.hasilNama !== null;
  const hasil = useQuery({
    queryKey: ['pekerjaan', id, 'hasil'],
    queryFn: () => api<HasilImpor<R>>(`/api/pekerjaan/${id}/hasil`),
    enabled: berakhir,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const dibaca = useRef<number | null>(null);

  // The job ended: its report (or refusal, row by row) is shown as a direct commit's would be.
  useEffect(() => {
    const body = hasil.data;
    if (!body || id === null || job === undefined || dibaca.current === id) return;
    dibaca.current = id;
    setBusy(null);
    setKemajuan(null);
    if ('error' in body) {
      if (body.error.code === 'IMPORT_INVALID' && body.error.details)
        setReport(options.fromRefusal(body.error.details));
      setError(body.error.message);
      return;
    }
    setReport(body);
    setError(null);
    if (id === dimulai) void options.onCommit(body);
  }, [hasil.data, id, job, dimulai, options]);

  // A job that failed without a report (a restart, a system fault), or a report that cannot be
  // read, says why here too.
  const galatHasil = hasil.error?.message ?? null;
  useEffect(() => {
    if ((job?.status === 'GAGAL' && job.hasilNama === null) || galatHasil) {
      setBusy(null);
      setKemajuan(null);
      setError(galatHasil ?? job?.pesan ?? null);
    } else if (job?.status === 'BERJALAN')
      setKemajuan({ tahap: 'latar', selesai: job.selesai, total: job.total });
  }, [job, galatHasil]);

  function setFile(f: File | null) {
    setFileState(f);
    setReport(null);
    setError(null);
  }

  async function run(mode: Mode) {
    if (!file) return;
    setBusy(mode);
    setError(null);
    setKemajuan({ tahap: 'unggah', persen: 0 });
    // A commit follows the dry run of this very file: its rows are known.
    const baris = mode === 'commit' && report ? report.jumlahBaris : null;
    const form = new FormData();
    form.append('file', file);
    const on = {
      kemajuan: (terkirim: number, ukuran: number) =>
        setKemajuan({ tahap: 'unggah', persen: persenUnggah(terkirim, ukuran) }),
      terkirim: () => setKemajuan({ tahap: 'proses', baris }),
    };
    try {
      if (mode === 'commit') {
        // The job goes on when the user leaves; the effects above take its end from here.
        const p = await unggah<PekerjaanOut>(urlLatar(endpoint), form, on);
        setKemajuan({ tahap: 'latar', selesai: 0, total: baris });
        setDimulai(p.id);
        await tampilkan(p);
        return;
      }
      // The endpoint may carry its own query (e.g. the period).
      const sep = endpoint.includes('?') ? '&' : '?';
      setReport(await unggah<R>(`${endpoint}${sep}mode=${mode}`, form, on));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Gagal mengimpor.');
    }
    setBusy(null);
    setKemajuan(null);
  }

  return { file, setFile, report, error, busy, kemajuan, run };
}
