/**
 * Public check of a printed document (no login): type the code from the print or scan its QR code,
 * see what was issued under it, and optionally upload the PDF to check it is exactly that print.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Code,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { VerifikasiBerkasOut, VerifikasiOut } from '../../src/contracts/dokumen';
import { Loading } from '../components/Status';
import { ApiError, api } from '../lib/api';

function Identitas({ d }: { d: VerifikasiOut }) {
  const rows: [string, string | null][] = [
    ['Kode', d.kode],
    ['Dokumen', d.judul],
    ['Instansi', d.instansi],
    [d.nip === null ? 'Unit kerja' : 'Nama', d.nama],
    ['NIP', d.nip],
    ['Unit kerja', d.nip === null ? null : d.unitKerja],
    ['Periode', d.periode],
    ['Dicetak', d.tanggalCetak],
    ['Dicetak oleh', d.dicetakOleh],
  ];
  return (
    <Stack gap="xs">
      <Alert color="teal" title="Dokumen terdaftar">
        Dokumen dengan kode ini diterbitkan oleh e-Kinerja. Cocokkan identitas di bawah dengan cetakan yang
        Anda pegang; isi penilaian kinerja tidak ditampilkan di sini.
      </Alert>
      <Table withRowBorders={false} aria-label="Identitas dokumen">
        <Table.Tbody>
          {rows
            .filter(([, v]) => v !== null)
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={140}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          <Table.Tr>
            <Table.Th>SHA-256</Table.Th>
            <Table.Td>
              <Code style={{ wordBreak: 'break-all' }}>{d.sha256}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PeriksaBerkas({ kode }: { kode: string }) {
  const [file, setFile] = useState<File | null>(null);
  const periksa = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return api<VerifikasiBerkasOut>(`/api/verifikasi/${encodeURIComponent(kode)}/berkas`, {
        method: 'POST',
        form,
        csrf: false,
      });
    },
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Periksa berkas PDF
      </Title>
      <Text size="sm">
        Punya berkas PDF-nya? Unggah untuk memastikan berkas itu sama persis dengan yang diterbitkan (berkas
        tidak disimpan).
      </Text>
      <Group align="end">
        <FileInput
          label="Berkas PDF"
          accept="application/pdf,.pdf"
          value={file}
          onChange={(f) => {
            setFile(f);
            periksa.reset();
          }}
          clearable
          style={{ flex: 1 }}
        />
        <Button onClick={() => file && periksa.mutate(file)} disabled={!file} loading={periksa.isPending}>
          Periksa berkas
        </Button>
      </Group>
      {periksa.data && (
        <Alert color={periksa.data.cocok ? 'teal' : 'red'} role="status">
          {periksa.data.pesan}
        </Alert>
      )}
      {periksa.error && (
        <Alert color="red" role="alert">
          {periksa.error.message}
        </Alert>
      )}
    </Stack>
  );
}

function Hasil({ kode }: { kode: string }) {
  const q = useQuery({
    queryKey: ['verifikasi', kode],
    queryFn: () => api<VerifikasiOut>(`/api/verifikasi/${encodeURIComponent(kode)}`),
    retry: false,
  });
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <Alert color="red" role="alert" title="Tidak terverifikasi">
        {q.error instanceof ApiError ? q.error.message : 'Pemeriksaan gagal. Coba lagi.'}
      </Alert>
    );
  return (
    <Stack>
      <Identitas d={q.data} />
      <PeriksaBerkas kode={kode} />
    </Stack>
  );
}

export function VerifikasiPage() {
  const { kode } = useParams({ strict: false }) as { kode?: string };
  const navigate = useNavigate();
  const [input, setInput] = useState(kode ?? '');
  return (
    <Center p="md" bg="gray.0" mih="100vh" style={{ alignItems: 'flex-start' }}>
      <Card withBorder shadow="sm" w="100%" maw={640} p="lg" mt="xl" component="main">
        <Stack>
          <div>
            <Title order={1} size="h2" c="teal.8">
              Verifikasi Dokumen
            </Title>
            <Text size="sm" c="dimmed">
              e-Kinerja — periksa keaslian dokumen kinerja tercetak dengan kode verifikasi di bagian bawahnya.
            </Text>
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const k = input.trim();
              if (k) void navigate({ to: '/verifikasi/$kode', params: { kode: k } });
            }}
          >
            <Group align="end">
              <TextInput
                label="Kode verifikasi"
                placeholder="mis. ABCDE-23456"
                value={input}
                onChange={(e) => setInput(e.currentTarget.value)}
                style={{ flex: 1 }}
                autoCapitalize="characters"
              />
              <Button type="submit">Periksa</Button>
            </Group>
          </form>
          {kode && <Hasil key={kode} kode={kode} />}
          <Text size="xs" c="dimmed">
            <Anchor href="/">Masuk ke e-Kinerja</Anchor>
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
