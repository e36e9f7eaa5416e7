/** Workflow buttons: Ajukan (owner), Setujui / Kembalikan (assessor), Versi baru (owner, after approval). */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { SkpDetail } from '../../../src/contracts/skp';
import { post } from '../../lib/api';
import { ISTILAH_SKP } from '../../lib/istilah';
import { GalatAksi, useSkpAksi } from './aksi';

export function AjukanButton({
  skp,
  aksi,
  dirty,
}: {
  skp: SkpDetail;
  aksi: ReturnType<typeof useSkpAksi>;
  dirty: boolean;
}) {
  if (!skp.can.submit) return null;
  const alasan = dirty
    ? 'Simpan perubahan terlebih dahulu.'
    : skp.temuan.length > 0
      ? `Perbaiki ${skp.temuan.length} temuan terlebih dahulu.`
      : null;
  return (
    <>
      <Button
        color="blue"
        disabled={alasan !== null}
        loading={aksi.busy}
        onClick={() =>
          aksi.run(
            () => post<SkpDetail>(`/api/skp/${skp.id}/ajukan`, { version: skp.version }),
            'SKP diajukan kepada pejabat penilai.',
          )
        }
      >
        Ajukan
      </Button>
      {alasan && (
        <Text size="sm" c="dimmed">
          {alasan}
        </Text>
      )}
    </>
  );
}

function SetujuiDialog({ skp, opened, onClose }: { skp: SkpDetail; opened: boolean; onClose: () => void }) {
  const aksi = useSkpAksi(skp.id);
  const masalah = skp.cakupan?.masalah ?? 0;
  const diblokir = !!skp.cakupan?.memblokir && masalah > 0;
  return (
    <Modal opened={opened} onClose={onClose} title="Setujui SKP">
      <Stack>
        <Text size="sm">
          Setujui SKP {skp.tahun} milik {skp.pegawaiNama}? Setelah disetujui, SKP hanya dapat diubah melalui
          versi baru.
        </Text>
        {skp.cakupan &&
          (masalah === 0 ? (
            <Text size="sm" c="teal.8">
              Tidak ada masalah cakupan (dibagi habis).
            </Text>
          ) : (
            <Alert color={diblokir ? 'red' : 'yellow'} title={`${ISTILAH_SKP.masalahCakupan}: ${masalah}`}>
              {diblokir
                ? 'Persetujuan diblokir sampai masalah cakupan (dibagi habis) diselesaikan.'
                : 'Masih ada masalah cakupan (dibagi habis) yang terbuka; persetujuan tetap dapat dilakukan.'}
            </Alert>
          ))}
        <GalatAksi aksi={aksi} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button
            color="teal"
            disabled={diblokir}
            loading={aksi.busy}
            onClick={async () => {
              if (
                await aksi.run(
                  () => post<SkpDetail>(`/api/skp/${skp.id}/setujui`, { version: skp.version }),
                  'SKP disetujui.',
                )
              )
                onClose();
            }}
          >
            Ya, setujui
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function KembalikanDialog({
  skp,
  opened,
  onClose,
}: {
  skp: SkpDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const aksi = useSkpAksi(skp.id);
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (catatan.trim().length < 3) {
      setGalat('Catatan pengembalian wajib diisi.');
      return;
    }
    setGalat(null);
    const ok = await aksi.run(
      () =>
        post<SkpDetail>(`/api/skp/${skp.id}/kembalikan`, { version: skp.version, catatan: catatan.trim() }),
      'SKP dikembalikan dengan catatan.',
    );
    if (ok) onClose();
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Kembalikan SKP">
      <form onSubmit={submit} aria-label="Kembalikan SKP">
        <Stack>
          <Textarea
            label={ISTILAH_SKP.catatanPengembalian}
            description="Apa yang perlu diperbaiki pegawai"
            withAsterisk
            autosize
            minRows={3}
            value={catatan}
            error={galat}
            onChange={(e) => setCatatan(e.currentTarget.value)}
            data-autofocus
          />
          <GalatAksi aksi={aksi} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color="orange" loading={aksi.busy}>
              Kembalikan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function VersiBaruDialog({ skp, opened, onClose }: { skp: SkpDetail; opened: boolean; onClose: () => void }) {
  const aksi = useSkpAksi(skp.id);
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title="Buat versi baru">
      <Stack>
        <Text size="sm">
          SKP versi {skp.versi} yang sudah disetujui tetap tersimpan. Versi baru dibuat sebagai draf yang
          perlu diajukan dan disetujui kembali.
        </Text>
        <GalatAksi aksi={aksi} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button
            loading={aksi.busy}
            onClick={async () => {
              const baru = await aksi.run(
                () => post<SkpDetail>(`/api/skp/${skp.id}/versi-baru`, { version: skp.version }),
                'Versi baru dibuat.',
              );
              if (baru) {
                onClose();
                await navigate({ to: '/skp/$id', params: { id: String(baru.id) } });
              }
            }}
          >
            Buat versi baru
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The header's buttons for the assessor and for a new version; each opens its dialog. */
export function AksiSkp({ skp }: { skp: SkpDetail }) {
  const [setujui, s] = useDisclosure();
  const [kembalikan, k] = useDisclosure();
  const [versi, v] = useDisclosure();
  return (
    <>
      {skp.can.assess && (
        <>
          <Button color="teal" onClick={s.open}>
            Setujui
          </Button>
          <Button color="orange" variant="light" onClick={k.open}>
            Kembalikan
          </Button>
        </>
      )}
      {skp.can.newVersion && (
        <Button variant="light" onClick={v.open}>
          Versi baru
        </Button>
      )}
      {setujui && <SetujuiDialog skp={skp} opened onClose={s.close} />}
      {kembalikan && <KembalikanDialog skp={skp} opened onClose={k.close} />}
      {versi && <VersiBaruDialog skp={skp} opened onClose={v.close} />}
    </>
  );
}
