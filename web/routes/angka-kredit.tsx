import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AngkaKreditPegawai } from '../features/angka-kredit/AngkaKreditPegawai';
import { DaftarAngkaKredit } from '../features/angka-kredit/DaftarAngkaKredit';
import { isAdmin, isBkd, useMe } from '../lib/session';

export interface AngkaKreditSearch {
  tahun?: number;
  pegawai?: number;
}

export function AngkaKreditPage() {
  const search = useSearch({ strict: false }) as AngkaKreditSearch;
  const navigate = useNavigate();
  const me = useMe();
  const tahun = search.tahun ?? new Date().getFullYear();
  const admin = isAdmin(me);
  // Admins pick an employee from the list; everyone else sees their own figures.
  const pegawaiId = search.pegawai ?? (admin ? undefined : me?.id);
  const pindah = (s: AngkaKreditSearch) => navigate({ to: '/angka-kredit', search: { tahun, ...s } });
  return (
    <Stack>
      <div>
        <Title order={2}>Angka Kredit</Title>
        <Text size="sm" c="dimmed">
          Angka kredit pejabat fungsional dari predikat kinerja (PermenPANRB 1/2023): per periode, per tahun,
          dan kumulatif terhadap kenaikan pangkat atau jenjang berikutnya.
        </Text>
      </div>
      <Group align="end">
        <NumberInput
          label="Tahun"
          value={tahun}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={120}
          onChange={(v) =>
            typeof v === 'number' && v >= 2000 && v <= 2100 && pindah({ tahun: v, pegawai: search.pegawai })
          }
        />
        {admin && search.pegawai !== undefined && (
          <Button variant="default" onClick={() => pindah({ pegawai: undefined })}>
            Kembali ke daftar
          </Button>
        )}
      </Group>
      {pegawaiId !== undefined ? (
        <AngkaKreditPegawai pegawaiId={pegawaiId} tahun={tahun} bisaUbahAwal={isBkd(me)} />
      ) : (
        <DaftarAngkaKredit tahun={tahun} onPilih={(id) => pindah({ pegawai: id })} />
      )}
    </Stack>
  );
}
