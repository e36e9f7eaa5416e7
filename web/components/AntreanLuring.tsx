/**
 * The offline outbox in the shell: the header says how many entries wait ("3 entri menunggu
 * dikirim"), a panel lists them with each conflict's explanation and what to do, and the outbox is
 * sent when the app starts, when the connection returns and on "Kirim sekarang".
 */
import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { type EntriAntrean, hapusEntri, useAntrean } from '../lib/luring/antrean';
import { useDaring } from '../lib/luring/daring';
import { cobaLagi, kirimAntrean } from '../lib/luring/kirim';

const JENIS: Record<EntriAntrean['jenis'], string> = {
  LOG: 'Progres harian',
  BERKAS: 'Foto/berkas bukti dukung',
  DRAF: 'Draf realisasi',
};

function BarisEntri({ e }: { e: EntriAntrean }) {
  const [yakin, setYakin] = useState(false);
  return (
    <Stack gap={4} component="li" style={{ listStyle: 'none' }}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {JENIS[e.jenis]} · {e.periode}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {e.judul}
          </Text>
        </div>
        <Badge color={e.status === 'KONFLIK' ? 'red' : 'yellow'} variant="light" style={{ flexShrink: 0 }}>
          {e.status === 'KONFLIK' ? 'Konflik' : 'Menunggu'}
        </Badge>
      </Group>
      {e.konflik && (
        <Alert color="red" p="xs">
          <Text size="sm">{e.konflik.pesan}</Text>
          <Text size="sm" fw={500} mt={4}>
            Yang dapat dilakukan: {e.konflik.saran}
          </Text>
        </Alert>
      )}
      <Group gap="xs">
        {e.status === 'KONFLIK' && (
          <Button size="compact-xs" variant="light" onClick={() => cobaLagi(e.kunci)}>
            Coba lagi
          </Button>
        )}
        <Button
          size="compact-xs"
          color="red"
          variant={yakin ? 'filled' : 'subtle'}
          onClick={() => (yakin ? hapusEntri(e.kunci) : setYakin(true))}
          onBlur={() => setYakin(false)}
          aria-label={
            yakin ? 'Yakin buang? Tekan sekali lagi untuk membuang entri ini' : `Buang entri ${e.judul}`
          }
        >
          {yakin ? 'Yakin buang?' : 'Buang'}
        </Button>
      </Group>
    </Stack>
  );
}

export function AntreanLuring({ pegawaiId }: { pegawaiId: number }) {
  const entri = useAntrean(pegawaiId);
  const daring = useDaring();
  const queryClient = useQueryClient();
  const [buka, { open, close }] = useDisclosure();
  const [mengirim, setMengirim] = useState(false);
  const [berhenti, setBerhenti] = useState<string | null>(null);

  const kirim = useCallback(async () => {
    setMengirim(true);
    try {
      const hasil = await kirimAntrean(pegawaiId);
      setBerhenti(hasil.berhenti ?? null);
      if (hasil.terkirim > 0) {
        await queryClient.invalidateQueries({ queryKey: ['realisasi'] });
        notifications.show({
          color: 'teal',
          message: `${hasil.terkirim} entri terkirim ke server.`,
        });
      }
      if (hasil.konflik > 0)
        notifications.show({
          color: 'red',
          message: `${hasil.konflik} entri ditolak server; buka antrean untuk melihat sebabnya.`,
        });
    } finally {
      setMengirim(false);
    }
  }, [pegawaiId, queryClient]);

  // On start and whenever the connection returns.
  useEffect(() => {
    if (daring) kirim();
  }, [daring, kirim]);

  const menunggu = entri.filter((e) => e.status === 'MENUNGGU').length;
  const konflik = entri.length - menunggu;
  if (entri.length === 0) return null;
  return (
    <>
      <Button size="xs" variant="light" color={konflik ? 'red' : 'yellow'} onClick={open} loading={mengirim}>
        {menunggu > 0 && (
          <>
            {menunggu} entri
            {/* The whole sentence where there is room; a phone's header shows the count. */}
            <Text span inherit visibleFrom="sm">
              &nbsp;menunggu dikirim
            </Text>
          </>
        )}
        {menunggu > 0 && konflik > 0 && ', '}
        {konflik > 0 && `${konflik} konflik`}
      </Button>
      <Modal
        opened={buka}
        onClose={close}
        title="Antrean luring"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Tutup' }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {daring
              ? 'Entri yang dicatat tanpa koneksi dikirim otomatis; masing-masing hanya sekali.'
              : 'Anda sedang luring — entri disimpan di perangkat dan dikirim saat koneksi kembali.'}
          </Text>
          {berhenti && (
            <Text size="sm" c="red.8" role="status">
              Pengiriman terhenti: {berhenti}
            </Text>
          )}
          <div>
            <Button size="sm" onClick={kirim} loading={mengirim} disabled={!daring || menunggu === 0}>
              Kirim sekarang
            </Button>
          </div>
          <Stack gap="md" component="ul" p={0} m={0} aria-label="Entri dalam antrean">
            {entri.map((e) => (
              <BarisEntri key={e.kunci} e={e} />
            ))}
          </Stack>
        </Stack>
      </Modal>
    </>
  );
}
