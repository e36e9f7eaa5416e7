/**
 * The bridge's settings (BKD admin): on/off, the web service and token addresses, the client and SSO
 * accounts (secrets typed in, never shown back: "tersimpan" says one is set), and the code mapping.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { JENIS_PERIODE } from '../../../src/domain/jadwal';
import { PREDIKAT_PEGAWAI, PREDIKAT_PEGAWAI_LABEL, RATING, RATING_LABEL } from '../../../src/domain/predikat';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { type PengaturanSiasnOut, pengaturanSiasn, siasnKeys, simpanPengaturanSiasn } from './api';

type Pemetaan = PengaturanSiasnOut['pemetaan'];
type Bagian = keyof Pemetaan;

const PERIODE_LABEL: Record<(typeof JENIS_PERIODE)[number], string> = {
  BULANAN: 'Bulanan',
  TRIWULANAN: 'Triwulanan',
  SEMESTERAN: 'Semesteran',
};

const BARIS: { bagian: Bagian; judul: string; kunci: readonly string[]; label: (k: string) => string }[] = [
  {
    bagian: 'hasilKinerja',
    judul: 'Rating hasil kerja → hasilKinerjaNilai',
    kunci: RATING,
    label: (k) => RATING_LABEL[k as (typeof RATING)[number]],
  },
  {
    bagian: 'perilakuKerja',
    judul: 'Rating perilaku → perilakuKerjaNilai',
    kunci: RATING,
    label: (k) => RATING_LABEL[k as (typeof RATING)[number]],
  },
  {
    bagian: 'kuadran',
    judul: 'Predikat (kuadran) → kuadranKinerjaNilai',
    kunci: PREDIKAT_PEGAWAI,
    label: (k) => PREDIKAT_PEGAWAI_LABEL[k as (typeof PREDIKAT_PEGAWAI)[number]],
  },
  {
    bagian: 'koefisien',
    judul: 'Predikat → koefisienId',
    kunci: PREDIKAT_PEGAWAI,
    label: (k) => PREDIKAT_PEGAWAI_LABEL[k as (typeof PREDIKAT_PEGAWAI)[number]],
  },
  {
    bagian: 'periodik',
    judul: 'Jenis periode → periodikId',
    kunci: JENIS_PERIODE,
    label: (k) => PERIODE_LABEL[k as (typeof JENIS_PERIODE)[number]],
  },
];

function Form({ awal }: { awal: PengaturanSiasnOut }) {
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: siasnKeys.semua }));
  const [isian, setIsian] = useState(awal);
  const [clientSecret, setClientSecret] = useState('');
  const [ssoPassword, setSsoPassword] = useState('');
  const ubah = (k: keyof PengaturanSiasnOut) => (e: ChangeEvent<HTMLInputElement>) =>
    setIsian({ ...isian, [k]: e.currentTarget.value });
  const ubahKode = (bagian: Bagian, kunci: string, nilai: string) =>
    setIsian({
      ...isian,
      pemetaan: { ...isian.pemetaan, [bagian]: { ...isian.pemetaan[bagian], [kunci]: nilai } },
    });

  async function simpan() {
    const { adaClientSecret: _a, adaSsoPassword: _b, ...body } = isian;
    const hasil = await aksi.run(
      () =>
        simpanPengaturanSiasn({
          ...body,
          ...(clientSecret ? { clientSecret } : {}),
          ...(ssoPassword ? { ssoPassword } : {}),
        }),
      'Pengaturan SIASN disimpan.',
    );
    if (hasil) {
      setIsian(hasil);
      setClientSecret('');
      setSsoPassword('');
    }
  }

  const tersimpan = (ada: boolean) =>
    ada ? 'Tersimpan; kosongkan untuk tetap memakai yang lama.' : 'Belum diisi.';
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Pengaturan jembatan</Title>
        <Switch
          label="Kirim hasil evaluasi final ke SIASN"
          description="Selama mati, tidak ada yang dikirim dan evaluasi final tidak masuk antrean."
          checked={isian.aktif}
          onChange={(e) => setIsian({ ...isian, aktif: e.currentTarget.checked })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Alamat layanan (base URL)"
            description="mis. https://apimws.bkn.go.id:8243/apisiasn/1.0"
            value={isian.baseUrl}
            onChange={ubah('baseUrl')}
          />
          <TextInput
            label="Alamat token OAuth2"
            description="mis. https://apimws.bkn.go.id/oauth2/token"
            value={isian.tokenUrl}
            onChange={ubah('tokenUrl')}
          />
          <TextInput label="Client ID (consumer key)" value={isian.clientId} onChange={ubah('clientId')} />
          <PasswordInput
            label="Client secret"
            description={tersimpan(isian.adaClientSecret)}
            value={clientSecret}
            onChange={(e) => setClientSecret(e.currentTarget.value)}
            autoComplete="new-password"
          />
          <TextInput
            label="Alamat token SSO"
            description="Endpoint token OpenID Connect SSO SIASN"
            value={isian.ssoTokenUrl}
            onChange={ubah('ssoTokenUrl')}
          />
          <TextInput label="Client ID SSO" value={isian.ssoClientId} onChange={ubah('ssoClientId')} />
          <TextInput
            label="Nama pengguna SSO"
            value={isian.ssoUsername}
            onChange={ubah('ssoUsername')}
            autoComplete="off"
          />
          <PasswordInput
            label="Kata sandi SSO"
            description={tersimpan(isian.adaSsoPassword)}
            value={ssoPassword}
            onChange={(e) => setSsoPassword(e.currentTarget.value)}
            autoComplete="new-password"
          />
        </SimpleGrid>
        <Title order={4}>Pemetaan kode SIASN</Title>
        <Text size="sm" c="dimmed">
          Kode numerik SIASN tidak dipublikasikan; isi sesuai referensi yang diberikan BKN kepada instansi.
          Semua kode wajib diisi sebelum jembatan diaktifkan.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {BARIS.map(({ bagian, judul, kunci, label }) => (
            <Table key={bagian} aria-label={judul}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{judul}</Table.Th>
                  <Table.Th>Kode</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {kunci.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>{label(k)}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${judul}: ${label(k)}`}
                        size="xs"
                        maxLength={50}
                        value={(isian.pemetaan[bagian] as Record<string, string>)[k] ?? ''}
                        onChange={(e) => ubahKode(bagian, k, e.currentTarget.value)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </SimpleGrid>
        <GalatAksi aksi={aksi} />
        {isian.aktif && !awal.aktif && (
          <Alert color="blue">
            Setelah disimpan, evaluasi yang menjadi final mulai masuk antrean kiriman.
          </Alert>
        )}
        <Group>
          <Button onClick={simpan} loading={aksi.busy}>
            Simpan pengaturan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PengaturanSiasn() {
  const query = useQuery({ queryKey: siasnKeys.pengaturan, queryFn: pengaturanSiasn });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Form key={query.data.version} awal={query.data} />;
}
