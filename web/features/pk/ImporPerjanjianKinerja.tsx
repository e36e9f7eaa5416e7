/** Perjanjian Kinerja from a spreadsheet: check first (dry run, every bad row), then save all or nothing. */
import { Alert, Button, Card, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PkImporResponse } from '../../../src/contracts/pk';
import { ApiError, api } from '../../lib/api';

export function ImporPerjanjianKinerja() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<PkImporResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry-run' | 'commit' | null>(null);

  async function run(mode: 'dry-run' | 'commit') {
    if (!file) return;
    setBusy(mode);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const res = await api<PkImporResponse>(`/api/perjanjian-kinerja/impor?mode=${mode}`, {
        method: 'POST',
        form,
      });
      setReport(res);
      if (mode === 'commit') {
        notifications.show({ color: 'teal', message: 'Perjanjian kinerja dari berkas tersimpan.' });
        await queryClient.invalidateQueries({ queryKey: ['pk'] });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID' && e.details)
        setReport({ diterapkan: null, ...(e.details as Omit<PkImporResponse, 'diterapkan'>) });
      setError(e instanceof Error ? e.message : 'Gagal mengimpor.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="judul-impor-pk">
      <Stack>
        <Title order={3} size="h4" id="judul-impor-pk">
          Impor dari spreadsheet
        </Title>
        <Text size="sm">
          Kolom: <b>Kode Unor</b> (atau <b>Unor</b>, nama persis), <b>Tahun, Sasaran, Indikator</b>, Target
          (angka, boleh kosong), Satuan, dan opsional Target Teks. Baris dengan unor dan tahun yang sama
          menjadi satu perjanjian kinerja yang menggantikan perjanjian unit itu untuk tahun tersebut. Periksa
          dulu: tidak ada yang disimpan sampai Anda menekan Simpan, dan penyimpanan berlaku semuanya atau
          tidak sama sekali.
        </Text>
        <FileInput
          label="Berkas CSV atau XLSX"
          accept=".csv,.xlsx"
          value={file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
            setError(null);
          }}
          clearable
        />
        <Group>
          <Button onClick={() => run('dry-run')} disabled={!file} loading={busy === 'dry-run'}>
            Periksa
          </Button>
          <Button
            onClick={() => run('commit')}
            color="orange"
            disabled={!file || !report || report.mode !== 'dry-run' || report.kesalahan.length > 0}
            loading={busy === 'commit'}
          >
            Simpan
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {report && (
          <div>
            <Text fw={600}>
              {report.jumlahBaris} baris, {report.kesalahan.length} salah
            </Text>
            {report.mode === 'dry-run' && report.kesalahan.length === 0 && (
              <Text c="teal.8" size="sm">
                Semua baris valid. Tekan Simpan untuk menerapkan.
              </Text>
            )}
            {report.diterapkan && (
              <Text c="teal.8" size="sm">
                Tersimpan: {report.diterapkan.unit} perjanjian kinerja, {report.diterapkan.sasaran} sasaran.
              </Text>
            )}
            {report.kesalahan.length > 0 && (
              <Table.ScrollContainer minWidth={420} mt="sm" type="native">
                <Table striped aria-label="Baris yang salah">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>Baris</Table.Th>
                      <Table.Th>Alasan</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.kesalahan.map((k) => (
                      <Table.Tr key={k.baris}>
                        <Table.Td>{k.baris}</Table.Td>
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
          </div>
        )}
      </Stack>
    </Card>
  );
}
