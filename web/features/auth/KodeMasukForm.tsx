/** The second step of login: the code the authenticator app shows now, or a recovery code. */
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { LoginSesi } from '../../../src/contracts/auth';
import { useGalatForm } from '../../components/GalatForm';
import { ApiError, api } from '../../lib/api';

type Sesi = (typeof LoginSesi)['_output'];

export function KodeMasukForm({
  tantangan,
  onMasuk,
  onUlang,
}: {
  tantangan: string;
  onMasuk: (res: Sesi) => Promise<void>;
  /** Back to the password step, with a message when the step expired. */
  onUlang: (pesan: string | null) => void;
}) {
  const [pemulihan, setPemulihan] = useState(false);
  const [kode, setKode] = useState('');
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);

  async function kirim(e: React.FormEvent) {
    e.preventDefault();
    if (!kode.trim()) {
      galat.periksa(pemulihan ? 'Kode pemulihan wajib diisi.' : 'Kode autentikator wajib diisi.');
      return;
    }
    setBusy(true);
    galat.hapus();
    try {
      const res = await api<Sesi>('/api/auth/login/kode', {
        method: 'POST',
        body: { tantangan, kode },
        csrf: false,
      });
      await onMasuk(res);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TANTANGAN_MFA_TIDAK_BERLAKU') onUlang(err.message);
      else galat.tampilkan(err);
      setKode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={kirim} noValidate aria-label="Kode verifikasi">
      <Stack>
        <Text size="sm">
          {pemulihan
            ? 'Masukkan salah satu kode pemulihan yang Anda simpan saat mendaftarkan aplikasi autentikator. Setiap kode hanya berlaku sekali.'
            : 'Buka aplikasi autentikator di ponsel Anda, lalu masukkan 6 angka yang tampil untuk e-Kinerja.'}
        </Text>
        {galat.ringkasan}
        {pemulihan ? (
          <TextInput
            key="pemulihan"
            label="Kode pemulihan"
            placeholder="XXXX-XXXX-XXXX"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            autoFocus
            value={kode}
            onChange={(e) => setKode(e.currentTarget.value)}
          />
        ) : (
          <TextInput
            key="totp"
            label="Kode autentikator"
            placeholder="6 angka"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            autoFocus
            value={kode}
            onChange={(e) => setKode(e.currentTarget.value.replace(/\D/g, ''))}
          />
        )}
        <Button type="submit" loading={busy} fullWidth>
          Verifikasi
        </Button>
        {pemulihan && (
          <Text size="xs" c="dimmed">
            Ponsel dan kode pemulihan hilang? Minta admin kepegawaian (BKD atau admin OPD) mereset
            autentikator Anda.
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setPemulihan((p) => !p);
              setKode('');
              galat.hapus();
            }}
          >
            {pemulihan ? 'Gunakan kode autentikator' : 'Gunakan kode pemulihan'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => onUlang(null)}>
            Kembali
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
