/**
 * The instansi dashboard (SPEC §8): cards of the period, kepatuhan pelaporan (e-Lapkin) per OPD
 * ranked, the trend of the year, predikat per OPD, SKP status, and the OPD table that drills down.
 * Charts (recharts) load only with this lazily loaded page.
 */
import { useSumbuNama } from '../../components/SumbuNama';
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatPersen } from '../../../src/domain/angka';
import { PREDIKAT_PEGAWAI, PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import { STATUS_SKP, STATUS_SKP_LABEL } from '../../../src/domain/skp-workflow';
import { KartuAngka } from '../../components/KartuAngka';
import { ErrorView, Loading } from '../../components/Status';
import { kepatuhanQuery, type RingkasanOut, ringkasanQuery, trenQuery } from './api';
import { angkaAtauBelum, angkaId, DihitungPada, WARNA_PREDIKAT } from './bersama';

type Opd = RingkasanOut['opd'][number];

function GrafikKepatuhan({ opd, periode }: { opd: Opd[]; periode: string }) {
  const urut = [...opd].sort((a, b) => (b.angka.kepatuhan ?? -1) - (a.angka.kepatuhan ?? -1));
  const data = urut.map((o) => ({ opd: o.nama, kepatuhan: o.angka.kepatuhan ?? 0 }));
  const sumbu = useSumbuNama();
  const ringkas = urut.map((o) => `${o.nama} ${formatPersen(o.angka.kepatuhan)}`).join('; ');
  return (
    <Card withBorder>
      <Title order={3} size="h4" id="judul-kepatuhan">
        Kepatuhan pelaporan per OPD
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        e-Lapkin {periode}: porsi pegawai dengan SKP disetujui yang melapor tepat waktu, dari yang tertinggi.
      </Text>
      <figure
        aria-label={`Grafik kepatuhan pelaporan per OPD: ${ringkas}`}
        style={{ margin: 0 }}
        data-testid="grafik-kepatuhan"
      >
        <BarChart
          h={Math.max(160, data.length * 34 + 40)}
          data={data}
          dataKey="opd"
          orientation="vertical"
          series={[{ name: 'kepatuhan', label: 'Tepat waktu', color: 'teal.6' }]}
          valueFormatter={(v) => formatPersen(v)}
          xAxisProps={{ domain: [0, 100] }}
          yAxisProps={sumbu}
        />
      </figure>
    </Card>
  );
}

function GrafikTren({ tahun }: { tahun: number }) {
  const tren = useQuery(trenQuery(tahun));
  if (tren.isPending) return <Loading />;
  if (tren.isError) return <ErrorView error={tren.error} />;
  // A period whose recap is not computed yet is left out rather than drawn as zero.
  const data = tren.data.items.flatMap((i) =>
    i.angka ? [{ periode: i.label, melapor: i.angka.persenMelapor ?? 0, tepat: i.angka.kepatuhan ?? 0 }] : [],
  );
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        Tren pelaporan {tahun}
      </Title>
      <figure
        aria-label={`Grafik tren ${tahun}: ${data.map((d) => `${d.periode} melapor ${formatPersen(d.melapor)}, tepat waktu ${formatPersen(d.tepat)}`).join('; ')}`}
        style={{ margin: 0 }}
      >
        <LineChart
          h={240}
          data={data}
          dataKey="periode"
          series={[
            { name: 'melapor', label: 'Melapor', color: 'blue.6' },
            { name: 'tepat', label: 'Tepat waktu', color: 'teal.6' },
          ]}
          valueFormatter={(v) => formatPersen(v)}
          yAxisProps={{ domain: [0, 100] }}
          withLegend
        />
      </figure>
    </Card>
  );
}

function GrafikPredikat({ opd }: { opd: Opd[] }) {
  const sumbu = useSumbuNama();
  const data = opd
    .filter((o) => PREDIKAT_PEGAWAI.some((p) => o.angka.predikat[p] > 0))
    .map((o) => ({ opd: o.nama, ...o.angka.predikat }));
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        Distribusi predikat per OPD
      </Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada predikat periode ini.
        </Text>
      ) : (
        <figure
          aria-label={`Grafik distribusi predikat: ${data
            .map(
              (d) =>
                `${d.opd} ${PREDIKAT_PEGAWAI.map((p) => `${PREDIKAT_PEGAWAI_LABEL[p]} ${d[p]}`).join(', ')}`,
            )
            .join('; ')}`}
          style={{ margin: 0 }}
        >
          <BarChart
            h={Math.max(160, data.length * 34 + 60)}
            data={data}
            dataKey="opd"
            type="stacked"
            orientation="vertical"
            series={PREDIKAT_PEGAWAI.map((p) => ({
              name: p,
              label: PREDIKAT_PEGAWAI_LABEL[p],
              color: WARNA_PREDIKAT[p],
            }))}
            yAxisProps={sumbu}
            withLegend
          />
        </figure>
      )}
    </Card>
  );
}

/** The year's ranking (the governor's view): share on time over the periods whose input has closed. */
function PeringkatTahunan({ tahun }: { tahun: number }) {
  const q = useQuery(kepatuhanQuery(tahun));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorView error={q.error} />;
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        Peringkat kepatuhan pelaporan {tahun}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Per bulan dan sepanjang tahun (periode yang masa pengisiannya telah berakhir).
        {!q.data.lengkap &&
          ' Sebagian periode belum dihitung; angka tahunan dan peringkat menunggu rekapnya.'}
      </Text>
      <ScrollArea viewportProps={{ tabIndex: 0 }}>
        <Table striped withTableBorder fz="sm" miw={600}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>OPD</Table.Th>
              <Table.Th ta="right">Tahun</Table.Th>
              {q.data.periode.map((p) => (
                <Table.Th key={p.kode} ta="right">
                  {p.label.split(' ')[0]!.slice(0, 3)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.opd.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.peringkat ?? '–'}</Table.Td>
                <Table.Td>{o.nama}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatPersen(o.kepatuhan)}
                </Table.Td>
                {o.perPeriode.map((p) => (
                  <Table.Td key={p.kode} ta="right">
                    {formatPersen(p.kepatuhan)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}

export function MonitoringInstansi({ periode, bolehPerbarui }: { periode: string; bolehPerbarui: boolean }) {
  const q = useQuery(ringkasanQuery(periode));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorView error={q.error} />;
  const r = q.data;
  const t = r.total;
  // No recap of the period yet: say so (and offer the refresh) instead of showing zeros.
  if (!t) return <DihitungPada dihitungAt={null} periode={periode} bolehPerbarui={bolehPerbarui} />;
  return (
    <Stack>
      <DihitungPada dihitungAt={r.dihitungAt} periode={periode} bolehPerbarui={bolehPerbarui} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <KartuAngka label="Pegawai aktif" nilai={angkaId(t.jumlahPegawai)} />
        <KartuAngka label="SKP disetujui" nilai={angkaId(t.skpDisetujui)} />
        <KartuAngka label="Melapor" nilai={angkaId(t.melapor)} keterangan={formatPersen(t.persenMelapor)} />
        <KartuAngka
          label="Tepat waktu (e-Lapkin)"
          nilai={formatPersen(t.kepatuhan)}
          keterangan={`${angkaId(t.tepatWaktu)} pegawai`}
        />
        <KartuAngka
          label="Terlambat"
          nilai={angkaId(t.terlambat)}
          keterangan={r.inputDitutup ? 'termasuk yang belum melapor' : 'masa pengisian masih berjalan'}
          warna={t.terlambat > 0 ? 'red' : undefined}
        />
        <KartuAngka label="Unit melanggar kurva" nilai={angkaAtauBelum(r.unitMelanggar)} />
      </SimpleGrid>
      <Card withBorder>
        <Text size="sm" fw={600} mb={4}>
          Status SKP {r.tahun}
        </Text>
        {r.statusSkp ? (
          <Group gap="xs">
            {STATUS_SKP.map((s) => (
              <Badge key={s} variant="light">
                {STATUS_SKP_LABEL[s]}: {angkaId(r.statusSkp![s])}
              </Badge>
            ))}
            <Badge variant="light" color="gray">
              Belum ada SKP: {angkaId(r.statusSkp.BELUM_ADA)}
            </Badge>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Belum dihitung.
          </Text>
        )}
      </Card>
      <GrafikKepatuhan opd={r.opd} periode={r.periode.label} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <GrafikTren tahun={r.tahun} />
        <GrafikPredikat opd={r.opd} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Pengisian per OPD — {r.periode.label}
        </Title>
        <ScrollArea viewportProps={{ tabIndex: 0 }}>
          <Table striped highlightOnHover withTableBorder fz="sm" miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>OPD</Table.Th>
                <Table.Th ta="right">Pegawai</Table.Th>
                <Table.Th ta="right">SKP disetujui</Table.Th>
                <Table.Th ta="right">Melapor</Table.Th>
                <Table.Th ta="right">Tepat waktu</Table.Th>
                <Table.Th ta="right">Dinilai</Table.Th>
                <Table.Th ta="right">Dikembalikan</Table.Th>
                <Table.Th ta="right">Diperbaiki</Table.Th>
                <Table.Th ta="right">Terlambat</Table.Th>
                <Table.Th ta="right">Unit melanggar kurva</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.opd.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to={`/monitoring/opd/${o.id}`} search={{ periode }} />
                      )}
                    >
                      {o.nama}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{angkaId(o.angka.jumlahPegawai)}</Table.Td>
                  <Table.Td ta="right">{angkaId(o.angka.skpDisetujui)}</Table.Td>
                  <Table.Td ta="right">{angkaId(o.angka.melapor)}</Table.Td>
                  <Table.Td ta="right">{formatPersen(o.angka.kepatuhan)}</Table.Td>
                  <Table.Td ta="right">{angkaId(o.angka.dinilai)}</Table.Td>
                  <Table.Td ta="right">{angkaId(o.angka.perluPerbaikan)}</Table.Td>
                  <Table.Td ta="right">{angkaId(o.angka.diperbaiki)}</Table.Td>
                  <Table.Td ta="right" c={o.angka.terlambat > 0 ? 'red' : undefined}>
                    {angkaId(o.angka.terlambat)}
                  </Table.Td>
                  <Table.Td ta="right">{angkaAtauBelum(o.unitMelanggar)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>
      <PeringkatTahunan tahun={r.tahun} />
    </Stack>
  );
}
