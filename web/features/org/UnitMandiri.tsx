/**
 * The BKD marks a position as head of an independent unit (SPEC §4.2): plans created for it from
 * then on take the JPT layout, while its holder's assessor stays his direct superior.
 */
import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGalatForm } from '../../components/GalatForm';
import { put } from '../../lib/api';

export function UnitMandiriForm({
  jabatanId,
  unorId,
  nilai,
}: {
  jabatanId: number;
  unorId: number;
  nilai: boolean;
}) {
  const queryClient = useQueryClient();
  const [baru, setBaru] = useState(nilai);
  const [alasan, setAlasan] = useState('');
  const galat = useGalatForm();
  const [saving, setSaving] = useState(false);

  async function simpan() {
    if (alasan.trim().length < 3) return galat.periksa('Alasan wajib diisi (minimal 3 karakter).', 'alasan');
    galat.hapus();
    setSaving(true);
    try {
      await put(`/api/jabatan/${jabatanId}/unit-mandiri`, { kepalaUnitMandiri: baru, alasan });
      notifications.show({ color: 'teal', message: 'Status kepala unit kerja mandiri tersimpan.' });
      setAlasan('');
      await queryClient.invalidateQueries({ queryKey: ['unor-detail', unorId] });
    } catch (e) {
      galat.tampilkan(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap={4} mt={4}>
      <Switch
        size="xs"
        label="Kepala unit kerja mandiri (SKP berformat JPT)"
        description="Berlaku untuk SKP yang dibuat sesudahnya; pejabat penilai tetap atasan langsung."
        checked={baru}
        onChange={(e) => setBaru(e.currentTarget.checked)}
        error={galat.galatDi('kepalaUnitMandiri')}
      />
      {baru !== nilai && (
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            label="Alasan"
            value={alasan}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            error={galat.galatDi('alasan')}
            style={{ flex: 1 }}
          />
          <Button size="xs" loading={saving} onClick={simpan}>
            Simpan
          </Button>
        </Group>
      )}
      {galat.ringkasan}
    </Stack>
  );
}
