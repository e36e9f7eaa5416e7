/**
 * Login: NIP and password, then — for an account with an authenticator app — the code step (a
 * 6-digit code, or one of the recovery codes); or the SSO button when the instansi has one.
 */
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { LoginResponse } from '../../../src/contracts/auth';
import { useGalatForm } from '../../components/GalatForm';
import { api } from '../../lib/api';
import { ulangBilaSibuk } from '../../lib/ulangSibuk';
import { KodeMasukForm } from './KodeMasukForm';
import { TombolSso } from './TombolSso';
import { useMasuk } from './useMasuk';

export function LoginForm({ kembali }: { kembali?: string | undefined }) {
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);
  const [tantangan, setTantangan] = useState<string | null>(null);
  const [antre, setAntre] = useState<string | null>(null);
  const masuk = useMasuk(kembali);
  const form = useForm({
    initialValues: { nip: '', password: '' },
    validate: {
      nip: (v) => (/^\d{18}$/.test(v.replace(/\s/g, '')) ? null : 'NIP terdiri atas 18 angka.'),
      password: (v) => (v ? null : 'Kata sandi wajib diisi.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    galat.hapus();
    try {
      const res = await ulangBilaSibuk(
        () => api<LoginResponse>('/api/auth/login', { method: 'POST', body: values, csrf: false }),
        {
          saatMenunggu: (detik, percobaan) =>
            setAntre(
              `Antrean masuk sedang penuh; mencoba lagi otomatis dalam ${detik} detik (percobaan ke-${percobaan}).`,
            ),
        },
      );
      if ('mfa' in res) {
        form.setFieldValue('password', '');
        setTantangan(res.mfa.tantangan);
      } else await masuk(res);
    } catch (e) {
      galat.tampilkan(e, form);
    } finally {
      setBusy(false);
      setAntre(null);
    }
  });

  if (tantangan) {
    return (
      <KodeMasukForm
        tantangan={tantangan}
        onMasuk={masuk}
        onUlang={(pesan) => {
          setTantangan(null);
          if (pesan) galat.periksa(pesan);
          else galat.hapus();
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {galat.ringkasan}
        <TextInput
          label="NIP"
          inputMode="numeric"
          autoComplete="username"
          placeholder="18 angka"
          {...form.getInputProps('nip')}
        />
        <PasswordInput
          label="Kata sandi"
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        {antre && (
          <Text size="sm" role="status">
            {antre}
          </Text>
        )}
        <Button type="submit" loading={busy} fullWidth>
          Masuk
        </Button>
        <TombolSso kembali={kembali} />
      </Stack>
    </form>
  );
}
