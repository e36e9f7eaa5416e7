/** Upload a CSV/XLSX file to an import endpoint: a dry run first, then the all-or-nothing commit. */
import { useState } from 'react';
import { ApiError, unggah } from './api';
import { type KemajuanImpor, persenUnggah } from './impor-kemajuan';

type Mode = 'dry-run' | 'commit';

export function useImporBerkas<R extends { mode: Mode; jumlahBaris: number }>(
  endpoint: string,
  options: {
    /** After a successful commit (notify, refresh caches). */
    onCommit: (report: R) => Promise<unknown> | undefined;
    /** The report carried by a refused commit (IMPORT_INVALID), so its rows can be shown. */
    fromRefusal: (details: unknown) => R;
  },
) {
  const [file, setFileState] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [kemajuan, setKemajuan] = useState<KemajuanImpor | null>(null);

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
    try {
      // The endpoint may carry its own query (e.g. the period).
      const sep = endpoint.includes('?') ? '&' : '?';
      const res = await unggah<R>(`${endpoint}${sep}mode=${mode}`, form, {
        kemajuan: (terkirim, ukuran) =>
          setKemajuan({ tahap: 'unggah', persen: persenUnggah(terkirim, ukuran) }),
        terkirim: () => setKemajuan({ tahap: 'proses', baris }),
      });
      setReport(res);
      if (mode === 'commit') await options.onCommit(res);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details)
        setReport(options.fromRefusal(e.details));
      setError(e instanceof Error ? e.message : 'Gagal mengimpor.');
    } finally {
      setBusy(null);
      setKemajuan(null);
    }
  }

  return { file, setFile, report, error, busy, kemajuan, run };
}
