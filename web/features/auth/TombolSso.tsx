/**
 * "Masuk dengan SSO": shown only when an instansi turned SSO on. The server seals state, nonce and
 * PKCE in a cookie and answers the provider's address; the page to return to waits in this tab.
 */
import { Button, Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SsoMulaiResponse, SsoPenyediaList } from '../../../src/contracts/sso';
import { useGalatForm } from '../../components/GalatForm';
import { api } from '../../lib/api';

/** sessionStorage key of the page to open after the provider sends the browser back. */
export const KEMBALI_SSO = 'ekinerja-sso-kembali';

type Penyedia = (typeof SsoPenyediaList)['_output']['items'][number];

export function TombolSso({ kembali }: { kembali?: string | undefined }) {
  const query = useQuery({
    queryKey: ['sso-penyedia'],
    queryFn: () => api<(typeof SsoPenyediaList)['_output']>('/api/auth/sso'),
    staleTime: 60_000,
  });
  const [busy, setBusy] = useState<number | null>(null);
  const galat = useGalatForm();
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;

  async function mulai(p: Penyedia) {
    setBusy(p.instansiId);
    galat.hapus();
    try {
      sessionStorage.setItem(KEMBALI_SSO, kembali ?? '');
      const res = await api<(typeof SsoMulaiResponse)['_output']>('/api/auth/sso/mulai', {
        method: 'POST',
        body: { instansiId: p.instansiId },
        csrf: false,
      });
      window.location.assign(res.url);
    } catch (e) {
      galat.tampilkan(e);
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs">
      <Divider label="atau" labelPosition="center" />
      {galat.ringkasan}
      {items.map((p) => (
        <Button key={p.instansiId} variant="default" loading={busy === p.instansiId} onClick={() => mulai(p)}>
          {items.length > 1 ? `Masuk dengan SSO — ${p.namaInstansi}` : 'Masuk dengan SSO'}
        </Button>
      ))}
    </Stack>
  );
}
