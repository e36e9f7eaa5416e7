/** Upload a CSV/XLSX file to an import endpoint: a dry run first, then the all-or-nothing commit. */
import { useState } from 'react';
import { ApiError, api } from './api';

type Mode = 'dry-run' | 'commit';

export function useImporBerkas<R extends { mode: Mode }>(
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

  function setFile(f: File | null) {
    setFileState(f);
    setReport(null);
    setError(null);
  }

  async function run(mode: Mode) {
    if (!file) return;
    setBusy(mode);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      // The endpoint may carry its own query (e.g. the period).
      const sep = endpoint.includes('?') ? '&' : '?';
      const res = await api<R>(`${endpoint}${sep}mode=${mode}`, { method: 'POST', form });
      setReport(res);
      if (mode === 'commit') await options.onCommit(res);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details)
        setReport(options.fromRefusal(e.details));
      setError(e instanceof Error ? e.message : 'Gagal mengimpor.');
    } finally {
      setBusy(null);
    }
  }

  return { file, setFile, report, error, busy, run };
}
