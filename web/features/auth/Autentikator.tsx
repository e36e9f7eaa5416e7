/**
 * The account's authenticator app: its state, enrolment (QR code, or the secret typed by hand, or a
 * link that opens the app on this phone; then a first code) and the ten recovery codes, shown once.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import type { MfaStatus, MulaiDaftarMfaResponse } from '../../../src/contracts/mfa';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { post } from '../../lib/api';
import { meQuery } from '../../lib/session';

type Pendaftaran = z.infer<typeof MulaiDaftarMfaResponse>;

function KodePemulihan({ kode, onSelesai }: { kode: string[]; onSelesai: () => void }) {
  const teks = kode.join('\n');
  return (
    <Stack>
      <Alert color="yellow" title="Simpan kode pemulihan sekarang">
        Kode ini hanya ditampilkan sekali. Bila ponsel hilang, satu kode membuka satu kali masuk. Simpan di
        tempat aman (dicetak atau di pengelola kata sandi), bukan di ponsel yang sama.
      </Alert>
      <SimpleGrid cols={2} spacing="xs" aria-label="Kode pemulihan">
        {kode.map((k) => (
          <Code key={k} fz="sm" ta="center" style={{ whiteSpace: 'nowrap' }}>
            {k}
          </Code>
        ))}
      </SimpleGrid>
      <Group>
        <CopyButton value={teks}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? 'Tersalin' : 'Salin semua'}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={() => window.print()}>
          Cetak
        </Button>
        <Button variant="default" onClick={onSelesai}>
          Sudah saya simpan
        </Button>
      </Group>
    </Stack>
  );
}

function LangkahPendaftaran({
  data,
  onTerkonfirmasi,
}: {
  data: Pendaftaran;
  onTerkonfirmasi: (k: string[]) => void;
}) {
  const [kode, setKode] = useState('');
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: meQuery.queryKey }));

  async function konfirmasi(e: React.FormEvent) {
    e.preventDefault();
    const hasil = await aksi.run(
      () => post<{ kodePemulihan: string[] }>('/api/auth/mfa/konfirmasi', { kode }),
      'Aplikasi autentikator terdaftar.',
    );
    if (hasil) onTerkonfirmasi(hasil.kodePemulihan);
  }

  return (
    <Stack>
      <Text size="sm">
        1. Pasang aplikasi autentikator (mis. Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis)
        di ponsel, lalu pindai kode QR ini.
      </Text>
      <Image src={data.qr} alt="Kode QR untuk aplikasi autentikator" w={200} h={200} />
      <Text size="sm">Tidak dapat memindai? Ketik kunci ini di aplikasi (jenis: berbasis waktu):</Text>
      <Group gap="xs" align="center">
        <Code fz="md" aria-label="Kunci rahasia" style={{ wordBreak: 'break-all' }}>
          {data.rahasia}
        </Code>
        <CopyButton value={data.rahasia.replace(/\s/g, '')}>
          {({ copied, copy }) => (
            <Button size="xs" variant="subtle" onClick={copy}>
              {copied ? 'Tersalin' : 'Salin'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Anchor href={data.uri} size="sm">
        Membuka halaman ini di ponsel? Buka langsung di aplikasi autentikator
      </Anchor>
      <form onSubmit={konfirmasi} noValidate>
        <Stack gap="xs">
          <GalatAksi aksi={aksi} />
          <TextInput
            label="2. Kode dari aplikasi"
            description="Masukkan 6 angka yang tampil untuk e-Kinerja."
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            value={kode}
            onChange={(e) => setKode(e.currentTarget.value.replace(/\D/g, ''))}
          />
          <Group>
            <Button type="submit" loading={aksi.busy} disabled={kode.length !== 6}>
              Konfirmasi
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export function Autentikator({ status }: { status: MfaStatus }) {
  const [pendaftaran, setPendaftaran] = useState<Pendaftaran | null>(null);
  const [kodePemulihan, setKodePemulihan] = useState<string[] | null>(null);
  const mulai = useAksi(async () => undefined);

  async function daftar() {
    const hasil = await mulai.run(
      () => post<Pendaftaran>('/api/auth/mfa/daftar'),
      'Pindai kode QR dengan aplikasi autentikator.',
    );
    if (hasil) setPendaftaran(hasil);
  }

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Aplikasi autentikator</Title>
          <Badge color={status.isEnrolled ? 'teal' : status.isRequired ? 'orange' : 'gray'}>
            {status.isEnrolled ? 'Aktif' : status.isRequired ? 'Wajib, belum terdaftar' : 'Belum terdaftar'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Setelah kata sandi, e-Kinerja meminta kode 6 angka dari aplikasi di ponsel Anda, sehingga kata sandi
          yang bocor saja tidak cukup untuk masuk.{' '}
          {status.isRequired
            ? 'Instansi mewajibkannya untuk akun Anda.'
            : 'Bagi akun Anda kode ini opsional.'}
        </Text>
        {status.isEnrolled && !kodePemulihan && (
          <Text size="sm">Kode pemulihan tersisa: {status.kodePemulihanSisa} dari 10.</Text>
        )}
        {kodePemulihan ? (
          <KodePemulihan
            kode={kodePemulihan}
            onSelesai={() => {
              setKodePemulihan(null);
              setPendaftaran(null);
            }}
          />
        ) : pendaftaran ? (
          <LangkahPendaftaran data={pendaftaran} onTerkonfirmasi={setKodePemulihan} />
        ) : (
          <Stack gap="xs" align="flex-start">
            <GalatAksi aksi={mulai} />
            <Button onClick={daftar} loading={mulai.busy} variant={status.isEnrolled ? 'light' : 'filled'}>
              {status.isEnrolled ? 'Daftarkan ulang (ponsel baru)' : 'Daftarkan aplikasi autentikator'}
            </Button>
            {status.isEnrolled && (
              <Text size="xs" c="dimmed">
                Pendaftaran ulang mengganti aplikasi lama dan semua kode pemulihan setelah kode pertama dari
                aplikasi baru dikonfirmasi.
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
