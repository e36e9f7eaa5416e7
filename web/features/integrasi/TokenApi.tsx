/**
 * "Token API" (BKD admin): create a token for an external system with its scopes and validity; the
 * token is shown once (only its hash is kept); list tokens with prefix, scopes, expiry and last use;
 * revoke one after confirming.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CAKUPAN_TOKEN,
  CAKUPAN_TOKEN_LABEL,
  type CakupanToken,
  MAKS_BERLAKU_HARI,
  type TokenApiDibuat,
} from '../../../src/contracts/integrasi';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { formatWaktu } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';
import { buatToken, cabutToken, daftarToken, type TokenApiItem, tokenApiKeys } from './api';

const MASA_BERLAKU = [
  { value: '30', label: '30 hari' },
  { value: '90', label: '90 hari (bawaan)' },
  { value: '180', label: '180 hari' },
  { value: String(MAKS_BERLAKU_HARI), label: '1 tahun (paling lama)' },
];

function statusOf(t: TokenApiItem, now: number) {
  if (t.dicabutAt) return { label: 'Dicabut', color: 'gray' };
  if (new Date(t.kedaluwarsaAt).getTime() <= now) return { label: 'Kedaluwarsa', color: 'orange' };
  return { label: 'Aktif', color: 'teal' };
}

function segarkan(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: tokenApiKeys.semua });
}

function FormTokenBaru({ onDibuat }: { onDibuat: (hasil: TokenApiDibuat) => void }) {
  const aksi = useAksi(segarkan);
  const [nama, setNama] = useState('');
  const [cakupan, setCakupan] = useState<CakupanToken[]>([]);
  const [berlaku, setBerlaku] = useState('90');

  async function simpan() {
    const hasil = await aksi.run(
      () => buatToken({ nama: nama.trim(), cakupan, berlakuHari: Number(berlaku) }),
      'Token API dibuat.',
    );
    if (hasil) {
      setNama('');
      setCakupan([]);
      setBerlaku('90');
      onDibuat(hasil);
    }
  }

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Buat token baru</Title>
        <TextInput
          label="Nama token"
          description="Sebut sistem yang memakainya, mis. Mesin Presensi Kantor Gubernur."
          value={nama}
          onChange={(e) => setNama(e.currentTarget.value)}
          required
          maxLength={100}
        />
        <Checkbox.Group
          label="Cakupan"
          description="Berikan hanya yang diperlukan sistem tersebut."
          value={cakupan}
          onChange={(v) => setCakupan(v as CakupanToken[])}
          required
        >
          <Stack gap="xs" mt="xs">
            {CAKUPAN_TOKEN.map((c) => (
              <Checkbox key={c} value={c} label={`${CAKUPAN_TOKEN_LABEL[c]} (${c})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label="Masa berlaku"
          data={MASA_BERLAKU}
          value={berlaku}
          onChange={(v) => setBerlaku(v ?? '90')}
          allowDeselect={false}
        />
        <GalatAksi aksi={aksi} />
        <Group>
          <Button
            onClick={simpan}
            loading={aksi.busy}
            disabled={nama.trim().length < 3 || cakupan.length === 0}
          >
            Buat token
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function TokenSekali({ hasil, onTutup }: { hasil: TokenApiDibuat | null; onTutup: () => void }) {
  return (
    <Modal
      opened={hasil !== null}
      onClose={onTutup}
      title="Token API baru"
      size="lg"
      closeOnClickOutside={false}
    >
      {hasil && (
        <Stack>
          <Alert color="yellow" title="Salin sekarang">
            Token ini hanya ditampilkan sekali. Simpan di sistem {hasil.item.nama}; e-Kinerja hanya menyimpan
            sidik (hash) token sehingga token tidak dapat ditampilkan lagi.
          </Alert>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="Token API">
            {hasil.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={hasil.token}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? 'Tersalin' : 'Salin token'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onTutup}>
              Sudah saya simpan
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Kirim pada setiap permintaan: <Code>Authorization: Bearer {hasil.item.prefiks}…</Code>.
            Dokumentasi:{' '}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              /api/docs
            </a>{' '}
            (bagian Integrasi (API v1)).
          </Text>
        </Stack>
      )}
    </Modal>
  );
}

function DaftarToken() {
  const { zona } = useJadwal();
  const aksi = useAksi(segarkan);
  const [dicabut, setDicabut] = useState<TokenApiItem | null>(null);
  const query = useInfiniteQuery({
    queryKey: tokenApiKeys.semua,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => daftarToken(pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  const now = Date.now();

  async function cabut() {
    if (!dicabut) return;
    const ok = await aksi.run(() => cabutToken(dicabut.id), `Token ${dicabut.nama} dicabut.`);
    if (ok) setDicabut(null);
  }

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Token instansi</Title>
        {items.length === 0 ? (
          <Text c="dimmed">Belum ada token API.</Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped aria-label="Daftar token API">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nama</Table.Th>
                  <Table.Th>Prefiks</Table.Th>
                  <Table.Th>Cakupan</Table.Th>
                  <Table.Th>Berlaku sampai</Table.Th>
                  <Table.Th>Terakhir dipakai</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((t) => {
                  const status = statusOf(t, now);
                  return (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <Text size="sm">{t.nama}</Text>
                        <Text size="xs" c="dimmed">
                          oleh {t.dibuatOleh}, {formatWaktu(t.createdAt, zona)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{t.prefiks}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {t.cakupan.map((c) => (
                            <Badge key={c} variant="light" size="sm" title={CAKUPAN_TOKEN_LABEL[c]}>
                              {c}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatWaktu(t.kedaluwarsaAt, zona)}</Table.Td>
                      <Table.Td>
                        {t.terakhirDipakaiAt ? formatWaktu(t.terakhirDipakaiAt, zona) : 'Belum pernah'}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge color={status.color} style={{ overflow: 'visible' }}>
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {!t.dicabutAt && (
                          <Button size="xs" color="red" variant="light" onClick={() => setDicabut(t)}>
                            Cabut
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={query} />
      </Stack>
      <Modal opened={dicabut !== null} onClose={() => setDicabut(null)} title="Cabut token API?">
        <Stack>
          <Text size="sm">
            Token <b>{dicabut?.nama}</b> ({dicabut?.prefiks}…) langsung tidak dapat dipakai lagi. Sistem yang
            memakainya akan ditolak sampai diberi token baru. Tindakan ini tidak dapat dibatalkan.
          </Text>
          <GalatAksi aksi={aksi} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDicabut(null)}>
              Batal
            </Button>
            <Button color="red" onClick={cabut} loading={aksi.busy}>
              Cabut token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

export function TokenApi() {
  const [baru, setBaru] = useState<TokenApiDibuat | null>(null);
  return (
    <Stack>
      <FormTokenBaru onDibuat={setBaru} />
      <TokenSekali hasil={baru} onTutup={() => setBaru(null)} />
      <DaftarToken />
    </Stack>
  );
}
