/** A button that starts a job (ADR 0011): says where its progress shows, or why it was refused. */
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { GalatForm } from '../../components/GalatForm';
import { pesanGalat } from '../../lib/galatForm';
import { useMulaiPekerjaan } from './api';

export function TombolPekerjaan({
  path,
  pesan,
  children,
  ...button
}: { path: string; pesan: string; children: ReactNode } & Pick<ButtonProps, 'size' | 'variant'>) {
  const mulai = useMulaiPekerjaan();
  const kerja = useMutation({
    mutationFn: () => mulai(path),
    onSuccess: () => notifications.show({ color: 'teal', message: pesan }),
  });
  return (
    <>
      <Button {...button} onClick={() => kerja.mutate()} loading={kerja.isPending}>
        {children}
      </Button>
      {kerja.error && <GalatForm>{pesanGalat(kerja.error)}</GalatForm>}
    </>
  );
}
