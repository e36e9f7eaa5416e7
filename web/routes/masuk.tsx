import { Card, Center, Stack, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { LoginForm } from '../features/auth/LoginForm';

export function MasukPage() {
  const search = useSearch({ strict: false }) as { kembali?: string };
  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main">
      <Card withBorder shadow="sm" w="100%" maw={400} p="lg">
        <Stack>
          <div>
            <Title order={1} size="h2" c="teal.8">
              e-Kinerja
            </Title>
            <Text size="sm" c="dimmed">
              Manajemen kinerja ASN — masuk dengan NIP Anda
            </Text>
          </div>
          <LoginForm kembali={search.kembali?.startsWith('/') ? search.kembali : undefined} />
        </Stack>
      </Card>
    </Center>
  );
}
