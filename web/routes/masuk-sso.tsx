/**
 * Where the SSO provider sends the browser back (`<PUBLIC_URL>/masuk/sso?code=…&state=…`): the
 * answer goes to the server once; then the session, our code step, or the refusal in words.
 */
import { Alert, Anchor, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { LoginResponse } from '../../src/contracts/auth';
import { KodeMasukForm } from '../features/auth/KodeMasukForm';
import { KEMBALI_SSO } from '../features/auth/TombolSso';
import { useMasuk } from '../features/auth/useMasuk';
import { api } from '../lib/api';
import { pesanGalat } from '../lib/galatForm';

function tujuan(): string | undefined {
  const k = sessionStorage.getItem(KEMBALI_SSO);
  sessionStorage.removeItem(KEMBALI_SSO);
  return k?.startsWith('/') && !k.startsWith('//') ? k : undefined;
}

export function MasukSsoPage() {
  const [kembali] = useState(tujuan);
  const masuk = useMasuk(kembali);
  const [tantangan, setTantangan] = useState<string | null>(null);
  const [galat, setGalat] = useState<string | null>(null);
  // The answer holds a single-use code: sent once, also when React runs the effect twice.
  const terkirim = useRef(false);

  useEffect(() => {
    if (terkirim.current) return;
    terkirim.current = true;
    api<LoginResponse>('/api/auth/sso/selesai', {
      method: 'POST',
      body: { parameter: window.location.search || '?' },
      csrf: false,
    })
      .then((res) => ('mfa' in res ? setTantangan(res.mfa.tantangan) : masuk(res)))
      .catch((e: unknown) => setGalat(pesanGalat(e)));
  }, [masuk]);

  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main">
      <Card withBorder shadow="sm" w="100%" maw={400} p="lg">
        <Stack>
          <Title order={1} size="h2" c="teal.8">
            Masuk dengan SSO
          </Title>
          {galat ? (
            <>
              <Alert color="red" role="alert" title="Tidak dapat masuk">
                {galat}
              </Alert>
              <Anchor component={Link} to="/masuk">
                Kembali ke halaman masuk
              </Anchor>
            </>
          ) : tantangan ? (
            <KodeMasukForm
              tantangan={tantangan}
              onMasuk={masuk}
              onUlang={(pesan) => setGalat(pesan ?? 'Ulangi masuk dari halaman masuk.')}
            />
          ) : (
            <Stack align="center" gap="xs" aria-busy="true">
              <Loader />
              <Text size="sm">Memeriksa jawaban penyedia SSO…</Text>
            </Stack>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
