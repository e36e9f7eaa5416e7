import { Alert, Button, Card, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ImporResponse } from '../../../src/contracts/impor';
import { ApiError, api } from '../../lib/api';

export function ImporPegawai() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImporResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry-run' | 'commit' | null>(null);

  async function run(mode: 'dry-run' | 'commit') {
    if (!file) return;
    setBusy(mode);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const res = await api<ImporResponse>(`/api/impor/pegawai?mode=${mode}`, { method: 'POST', form });
      setReport(res);
      if (mode === 'commit') notifications.show({ color: 'teal', message: 'Impor diterapkan.' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') setReport(e.details as ImporResponse);
      setError(e instanceof Error ? e.message : 'Gagal mengimpor.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <Text size="sm">
            Kolom: <b>NIP, Nama, Jenis ASN, Golongan, Jabatan, Unor</b>; opsional Gelar Depan, Gelar Belakang,
            Jenis Jabatan, Jenjang, NIP Atasan. Isi NIP sebagai teks. Uji dulu: tidak ada yang disimpan sampai
            Anda menerapkan, dan penerapan berlaku semuanya atau tidak sama sekali.
          </Text>
          <FileInput
            label="Berkas CSV atau XLSX"
            accept=".csv,.xlsx"
            value={file}
            onChange={setFile}
            clearable
          />
          <Group>
            <Button onClick={() => run('dry-run')} disabled={!file} loading={busy === 'dry-run'}>
              Uji berkas
            </Button>
            <Button
              onClick={() => run('commit')}
              color="orange"
              disabled={!file || !report || report.mode !== 'dry-run' || report.kesalahan.length > 0}
              loading={busy === 'commit'}
            >
              Terapkan
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {report && (
        <Card withBorder>
          <Text fw={600}>
            {report.jumlahBaris} baris, {report.barisValid} valid, {report.kesalahan.length} salah
          </Text>
          {report.diterapkan && (
            <Text c="teal.8">
              Dibuat {report.diterapkan.dibuat}, diperbarui {report.diterapkan.diperbarui}, jabatan baru{' '}
              {report.diterapkan.jabatanBaru}, tidak berubah {report.diterapkan.tidakBerubah}.
            </Text>
          )}
          {report.kesalahan.length > 0 && (
            <Table.ScrollContainer minWidth={480} mt="sm">
              <Table striped aria-label="Baris yang salah">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Baris</Table.Th>
                    <Table.Th>NIP</Table.Th>
                    <Table.Th>Alasan</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.kesalahan.map((k) => (
                    <Table.Tr key={k.baris}>
                      <Table.Td>{k.baris}</Table.Td>
                      <Table.Td>{k.nip ?? '—'}</Table.Td>
                      <Table.Td>
                        <List size="sm">
                          {k.alasan.map((a) => (
                            <List.Item key={a}>{a}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
