/**
 * The evidence of one realisasi: links open in a new tab, files download; a file the same as one
 * another employee uploaded is flagged. The owner may upload and remove files while the realisasi is
 * editable.
 */
import {
  Anchor,
  Badge,
  Button,
  FileButton,
  FileInput,
  Grid,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { HEADER_IDEMPOTEN } from '../../../src/contracts/idempoten';
import { BERKAS_MAKS_JUMLAH } from '../../../src/contracts/realisasi';
import { api } from '../../lib/api';
import { useAntrean } from '../../lib/luring/antrean';
import { useDaring } from '../../lib/luring/daring';
import { perkecilFoto } from '../../lib/luring/foto';
import { DISIMPAN_DI_PERANGKAT, kirimAtauAntrekan } from '../../lib/luring/kirim';
import { useMe } from '../../lib/session';
import { GalatRealisasi, useAksiRealisasi } from './aksi';
import { type BuktiDukungOut, berkasUrl, type RealisasiOut } from './api';
import { formatUkuran, periksaBerkas } from './format';

export function BuktiDukungList({
  realisasiId,
  bukti,
  jenis,
  onHapus,
  menghapus,
}: {
  realisasiId: number;
  bukti: BuktiDukungOut[];
  jenis: BuktiDukungOut['jenis'];
  onHapus?: (b: BuktiDukungOut) => void;
  menghapus?: number | null;
}) {
  const daftar = bukti.filter((b) => b.jenis === jenis);
  const judul = jenis === 'TAUTAN' ? 'Tautan bukti dukung' : 'Berkas bukti dukung';
  if (daftar.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {jenis === 'TAUTAN' ? 'Belum ada tautan bukti dukung.' : 'Belum ada berkas bukti dukung.'}
      </Text>
    );
  return (
    <Stack gap={6} component="ul" aria-label={judul} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {daftar.map((b) => (
        <li key={b.id} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
            <div style={{ minWidth: 0 }}>
              {b.jenis === 'TAUTAN' ? (
                <>
                  <Anchor href={b.url!} target="_blank" rel="noopener noreferrer" size="sm">
                    {b.deskripsi}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {b.url}
                  </Text>
                </>
              ) : (
                <>
                  <Anchor href={berkasUrl(realisasiId, b.id)} download={b.namaBerkas ?? true} size="sm">
                    {b.namaBerkas}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {b.deskripsi}
                    {b.ukuran !== null ? ` · ${formatUkuran(b.ukuran)}` : ''}
                  </Text>
                  {b.duplikat && (
                    <Badge
                      color="orange"
                      variant="light"
                      mt={2}
                      style={{ whiteSpace: 'normal', height: 'auto' }}
                    >
                      Duplikat: berkas yang sama diunggah {b.jumlahDuplikat} pegawai lain
                    </Badge>
                  )}
                </>
              )}
            </div>
            {onHapus && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={menghapus === b.id}
                onClick={() => onHapus(b)}
                aria-label={`Hapus berkas ${b.namaBerkas}`}
              >
                Hapus
              </Button>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

const MB = (n: number) => `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/**
 * Uploaded evidence files: list, download, and while editable upload and delete. A photo from the
 * phone's camera (or any picture over 2 MB) is made smaller in the browser first; without a
 * connection the upload goes to the offline outbox with its idempotency key.
 */
export function BerkasBukti({
  realisasi,
  rhkId,
  periode,
}: {
  realisasi: RealisasiOut;
  rhkId: number;
  periode: string;
}) {
  const [berkas, setBerkas] = useState<File | null>(null);
  const [catatanFoto, setCatatanFoto] = useState<string | null>(null);
  const [deskripsi, setDeskripsi] = useState('');
  const [galat, setGalat] = useState<{ berkas?: string; deskripsi?: string }>({});
  const [menghapus, setMenghapus] = useState<number | null>(null);
  const [memproses, setMemproses] = useState(false);
  const aksi = useAksiRealisasi();
  const me = useMe();
  const daring = useDaring();
  const tertunda = useAntrean(me?.id).filter((e) => e.jenis === 'BERKAS' && e.realisasiId === realisasi.id);
  const jumlah = realisasi.buktiDukung.filter((b) => b.jenis === 'BERKAS').length + tertunda.length;
  const penuh = jumlah >= BERKAS_MAKS_JUMLAH;

  async function pilih(f: File | null) {
    setCatatanFoto(null);
    if (!f?.type.startsWith('image/')) {
      setBerkas(f);
      setGalat((g) => ({ ...g, berkas: f ? (periksaBerkas(f) ?? undefined) : undefined }));
      return;
    }
    setMemproses(true);
    try {
      const kecil = await perkecilFoto(f);
      setBerkas(kecil);
      setGalat((g) => ({ ...g, berkas: periksaBerkas(kecil) ?? undefined }));
      if (kecil !== f) setCatatanFoto(`Foto diperkecil dari ${MB(f.size)} menjadi ${MB(kecil.size)}.`);
    } catch (e) {
      setBerkas(null);
      setGalat((g) => ({ ...g, berkas: (e as Error).message }));
    } finally {
      setMemproses(false);
    }
  }

  async function unggah(e: React.FormEvent) {
    e.preventDefault();
    const g = {
      berkas: berkas ? (periksaBerkas(berkas) ?? undefined) : 'Pilih berkas PDF, PNG atau JPEG.',
      deskripsi: deskripsi.trim() ? undefined : 'Deskripsi bukti dukung wajib diisi.',
    };
    setGalat(g);
    if (g.berkas || g.deskripsi || !berkas) return;
    if (!me) return;
    const kunci = crypto.randomUUID();
    // The server reads the description before the file.
    const form = new FormData();
    form.append('deskripsi', deskripsi.trim());
    form.append('file', berkas);
    const kirim = () =>
      api(`/api/realisasi/${realisasi.id}/berkas`, {
        method: 'POST',
        form,
        headers: { [HEADER_IDEMPOTEN]: kunci },
      });
    const ok = await aksi.run(
      () =>
        kirimAtauAntrekan(daring, kirim, {
          jenis: 'BERKAS',
          kunci,
          pegawaiId: me.id,
          judul: `${berkas.name}: ${deskripsi.trim()}`,
          rhkId,
          periode,
          realisasiId: realisasi.id,
          deskripsi: deskripsi.trim(),
          berkas,
          namaBerkas: berkas.name,
        }),
      (out) =>
        out === 'ANTRE' ? `Berkas bukti dukung: ${DISIMPAN_DI_PERANGKAT}` : 'Berkas bukti dukung terunggah.',
    );
    if (ok) {
      setBerkas(null);
      setCatatanFoto(null);
      setDeskripsi('');
    }
  }

  async function hapus(b: BuktiDukungOut) {
    setMenghapus(b.id);
    await aksi.run(
      () => api(`/api/realisasi/${realisasi.id}/berkas/${b.id}`, { method: 'DELETE' }),
      'Berkas bukti dukung dihapus.',
    );
    setMenghapus(null);
  }

  return (
    <Stack gap="xs" role="group" aria-label="Berkas bukti dukung">
      <Title order={4} size="sm" fw={500}>
        Berkas bukti dukung
      </Title>
      <BuktiDukungList
        realisasiId={realisasi.id}
        bukti={realisasi.buktiDukung}
        jenis="BERKAS"
        onHapus={realisasi.dapatDiubah ? hapus : undefined}
        menghapus={menghapus}
      />
      {tertunda.length > 0 && (
        <Stack gap={4} component="ul" aria-label="Berkas yang menunggu dikirim" p={0} m={0}>
          {tertunda.map((t) => (
            <Group key={t.kunci} component="li" gap="xs" wrap="nowrap" style={{ listStyle: 'none' }}>
              <Badge
                color={t.status === 'KONFLIK' ? 'red' : 'yellow'}
                variant="light"
                style={{ flexShrink: 0 }}
              >
                {t.status === 'KONFLIK' ? 'Konflik' : 'Menunggu dikirim'}
              </Badge>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t.judul}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {realisasi.dapatDiubah && (
        <form onSubmit={unggah} noValidate>
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <FileInput
                label="Berkas"
                description={`PDF, JPG atau PNG, paling besar 2 MB (foto diperkecil otomatis); paling banyak ${BERKAS_MAKS_JUMLAH} berkas`}
                placeholder="Pilih berkas"
                // Mantine's placeholder grey is under 4.5:1; the theme's dimmed text reaches AA.
                styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
                accept="application/pdf,image/png,image/jpeg"
                clearable
                disabled={penuh || memproses}
                value={berkas}
                error={galat.berkas}
                onChange={pilih}
              />
              <FileButton onChange={pilih} accept="image/*" capture="environment">
                {(props) => (
                  <Button
                    {...props}
                    size="compact-sm"
                    variant="subtle"
                    mt={4}
                    disabled={penuh}
                    loading={memproses}
                  >
                    Ambil foto
                  </Button>
                )}
              </FileButton>
              {catatanFoto && (
                <Text size="xs" c="dimmed" role="status">
                  {catatanFoto}
                </Text>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label="Deskripsi berkas"
                placeholder="mis. Notulen rapat"
                maxLength={500}
                disabled={penuh}
                value={deskripsi}
                error={galat.deskripsi}
                onChange={(e) => setDeskripsi(e.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Button
                type="submit"
                variant="light"
                fullWidth
                loading={aksi.busy}
                disabled={penuh || memproses}
              >
                Unggah
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
      <GalatRealisasi aksi={aksi} />
    </Stack>
  );
}
