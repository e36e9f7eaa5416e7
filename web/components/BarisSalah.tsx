/** The rows an import refused, each with its reasons (the NIP column only where rows have one). */
import { List, Table } from '@mantine/core';

export function BarisSalah({ rows }: { rows: { baris: number; nip?: string | null; alasan: string[] }[] }) {
  const withNip = rows.some((k) => k.nip !== undefined);
  return (
    <Table.ScrollContainer minWidth={420} mt="sm" type="native" tabIndex={0}>
      <Table striped aria-label="Baris yang salah">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Baris</Table.Th>
            {withNip && <Table.Th>NIP</Table.Th>}
            <Table.Th>Alasan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((k) => (
            <Table.Tr key={k.baris}>
              <Table.Td>{k.baris}</Table.Td>
              {withNip && <Table.Td>{k.nip ?? '—'}</Table.Td>}
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
  );
}
