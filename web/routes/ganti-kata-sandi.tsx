import { Alert, Stack, Title } from '@mantine/core';
import { GantiKataSandiForm } from '../features/auth/GantiKataSandiForm';
import { useMe } from '../lib/session';

export function GantiKataSandiPage() {
  const me = useMe();
  return (
    <Stack>
      <Title order={2}>Ganti kata sandi</Title>
      {me?.mustChangePassword && (
        <Alert color="orange">Kata sandi Anda bersifat sementara. Ganti sekarang untuk melanjutkan.</Alert>
      )}
      <GantiKataSandiForm />
    </Stack>
  );
}
