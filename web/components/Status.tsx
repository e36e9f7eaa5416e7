/** Shared states: loading, errors (with the server's Indonesian message), forbidden, not found. */
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../lib/api';

export function Loading() {
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}

export function Forbidden() {
  return (
    <Stack align="center" py="xl" gap="xs">
      <Title order={2}>Anda tidak berwenang</Title>
      <Text c="dimmed" ta="center">
        Halaman ini hanya untuk pengguna dengan peran yang sesuai.
      </Text>
      <Button component={Link} to="/" variant="light">
        Kembali ke Beranda
      </Button>
    </Stack>
  );
}

export function NotFound() {
  return (
    <Stack align="center" py="xl" gap="xs">
      <Title order={2}>Halaman tidak ditemukan</Title>
      <Button component={Link} to="/" variant="light">
        Kembali ke Beranda
      </Button>
    </Stack>
  );
}

export function ErrorView({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  const message = error instanceof Error ? error.message : 'Terjadi kesalahan.';
  return (
    <Alert color="red" title="Gagal memuat" role="alert">
      {message}
    </Alert>
  );
}
