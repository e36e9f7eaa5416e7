import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { LoginResponse as LoginResponseSchema } from '../../../src/contracts/auth';

type LoginResponse = (typeof LoginResponseSchema)['_output'];

import { ApiError, api, setCsrfToken } from '../../lib/api';
import { meQuery } from '../../lib/session';

export function LoginForm({ kembali }: { kembali?: string | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { nip: '', password: '' },
    validate: {
      nip: (v) => (/^\d{18}$/.test(v.replace(/\s/g, '')) ? null : 'NIP terdiri atas 18 angka.'),
      password: (v) => (v ? null : 'Kata sandi wajib diisi.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api<LoginResponse>('/api/auth/login', { method: 'POST', body: values, csrf: false });
      setCsrfToken(res.csrfToken);
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await navigate({ to: res.user.mustChangePassword ? '/ganti-kata-sandi' : (kembali ?? '/') });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Gagal masuk.');
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label="NIP"
          inputMode="numeric"
          autoComplete="username"
          placeholder="18 angka"
          {...form.getInputProps('nip')}
        />
        <PasswordInput
          label="Kata sandi"
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={busy} fullWidth>
          Masuk
        </Button>
      </Stack>
    </form>
  );
}
