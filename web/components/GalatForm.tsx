/**
 * A form's error where the eye is: placed by the form's submit button, scrolled into view and focused
 * when it appears (a screen reader announces it), in the user's words (lib/galatForm pesanGalat). When
 * the error marks fields, a button in it takes the user to the first one (an error summary's link).
 */
import { Alert, Button } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { galatField, pesanGalat } from '../lib/galatForm';

/** The first field marked invalid in the summary's form, or in the block around it. */
const isianPertama = (ringkasan: HTMLElement | null) =>
  (ringkasan?.closest('form') ?? ringkasan?.parentElement)?.querySelector<HTMLElement>(
    '[aria-invalid="true"]',
  );

export function GalatForm({ title, children }: { title?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [adaIsian, setAdaIsian] = useState(false);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
    // The fields are marked in the same render as the summary appears.
    setAdaIsian(!!isianPertama(ref.current));
  }, []);
  const keIsian = () => {
    const isian = isianPertama(ref.current);
    isian?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    isian?.focus({ preventScroll: true });
  };
  return (
    <Alert ref={ref} tabIndex={-1} color="red" role="alert" title={title}>
      {children}
      {adaIsian && (
        <Button size="compact-xs" variant="white" color="red" mt={6} onClick={keIsian}>
          Ke isian yang perlu diperbaiki
        </Button>
      )}
    </Alert>
  );
}

/** What a Mantine form (useForm) offers for marking its fields. */
export interface FormDenganGalat {
  setErrors: (errors: Record<string, ReactNode>) => void;
}

/**
 * A form's failed writes. `tampilkan(error, form)` marks the fields the server names on the form (`nama`
 * renames an API field to the form's, e.g. `berakhir` → `sampai`) and shows the summary, focused;
 * `periksa(teks, field?)` shows the form's own check before sending the same way, on its field too; a
 * form without useForm
 * reads a field's error with `galatDi(field)`, a nested one by its API path (`rhk.0.iki.1.target.satuan`).
 * `ringkasan` is placed in the form, by its submit button.
 */
export function useGalatForm() {
  const [galat, setGalat] = useState<{ pesan: string; kali: number; fields: Record<string, string> } | null>(
    null,
  );
  const tunjukkan = (pesan: string, fields: Record<string, string> = {}) =>
    setGalat((g) => ({ pesan, fields, kali: (g?.kali ?? 0) + 1 }));
  return {
    tampilkan(error: unknown, form?: FormDenganGalat, nama: Record<string, string> = {}) {
      const { fields } = galatField(error, nama);
      form?.setErrors(fields);
      tunjukkan(pesanGalat(error), fields);
    },
    periksa: (pesan: string, field?: string) => tunjukkan(pesan, field ? { [field]: pesan } : {}),
    /** The server's error of one field, for a form that keeps its values in plain state. */
    galatDi: (field: string): string | undefined => galat?.fields[field],
    hapus: () => setGalat(null),
    // A new key per failure: the same message again is scrolled to and focused again.
    ringkasan: galat && <GalatForm key={galat.kali}>{galat.pesan}</GalatForm>,
  };
}
