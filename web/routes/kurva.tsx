import { Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { ErrorView, Loading } from '../components/Status';
import { unitSayaQuery } from '../features/kurva/api';
import { KurvaUnit } from '../features/kurva/KurvaUnit';

export interface KurvaSearch {
  unorId?: number;
  periode?: string;
}

/** Last month, as the default period (the month whose ratings are being finalised). */
function bulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function KurvaPage() {
  const search = useSearch({ strict: false }) as KurvaSearch;
  const navigate = useNavigate();
  const unit = useQuery(unitSayaQuery);
  const periode = search.periode ?? bulanLalu();
  const unorId = search.unorId ?? unit.data?.items.find((u) => u.dipimpin)?.id ?? unit.data?.items[0]?.id;
  const pindah = (s: KurvaSearch) => navigate({ to: '/kurva', search: { unorId, periode, ...s } });
  return (
    <Stack>
      <div>
        <Title order={2}>Kurva &amp; Predikat</Title>
        <Text size="sm" c="dimmed">
          Predikat kinerja organisasi, kurva distribusi predikat pegawai, kalibrasi dan penetapan predikat
          kinerja unit per periode.
        </Text>
      </div>
      {unit.isPending ? (
        <Loading />
      ) : unit.error ? (
        <ErrorView error={unit.error} />
      ) : unit.data.items.length === 0 ? (
        <Text c="dimmed">Anda tidak memimpin unit organisasi.</Text>
      ) : (
        <>
          <Stack gap="xs" maw={480}>
            <Select
              label="Unit organisasi"
              data={unit.data.items.map((u) => ({ value: String(u.id), label: u.nama }))}
              value={unorId === undefined ? null : String(unorId)}
              onChange={(v) => v && pindah({ unorId: Number(v) })}
              allowDeselect={false}
            />
            <TextInput
              label="Periode (TTTT-BB)"
              defaultValue={periode}
              onBlur={(e) =>
                /^\d{4}-(0[1-9]|1[0-2])$/.test(e.currentTarget.value) &&
                pindah({ periode: e.currentTarget.value })
              }
            />
          </Stack>
          {unorId !== undefined && (
            <KurvaUnit key={`${unorId}-${periode}`} unorId={unorId} periode={periode} />
          )}
        </>
      )}
    </Stack>
  );
}
