import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Password } from '../../../src/contracts/auth';
import { useGalatForm } from '../../components/GalatForm';
import { post } from '../../lib/api';
import { meQuery } from '../../lib/session';

export function GantiKataSandiForm() {
  const galat = useGalatForm();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { passwordLama: '', passwordBaru: '', ulangi: '' },
    validate: {
      passwordLama: (v) => (v ? null : 'Kata sandi lama wajib diisi.'),
      passwordBaru: (v) => {
        const r = Password.safeParse(v);
        return r.success ? null : (r.error.issues[0]?.message ?? 'Kata sandi tidak valid.');
      },
      ulangi: (v, all) => (v === all.passwordBaru ? null : 'Ulangan kata sandi tidak sama.'),
    },
  });
  const submit = form.onSubmit(async ({ passwordLama, passwordBaru }) => {
    galat.hapus();
    try {
      await post('/api/auth/password', { passwordLama, passwordBaru });
      notifications.show({ color: 'teal', message: 'Kata sandi berhasil diganti.' });
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      form.reset();
      await navigate({ to: '/' });
    } catch (e) {
      galat.tampilkan(e, form);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        {galat.ringkasan}
        <PasswordInput
          label="Kata sandi lama"
          autoComplete="current-password"
          {...form.getInputProps('passwordLama')}
        />
        <PasswordInput
          label="Kata sandi baru"
          description="Minimal 8 karakter, memuat huruf dan angka."
          autoComplete="new-password"
          {...form.getInputProps('passwordBaru')}
        />
        <PasswordInput
          label="Ulangi kata sandi baru"
          autoComplete="new-password"
          {...form.getInputProps('ulangi')}
        />
        <Button type="submit">Simpan kata sandi</Button>
      </Stack>
    </form>
  );
}
