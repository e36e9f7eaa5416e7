/** A link the server sent (a path in this app), followed inside the single-page app. */
import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export function TautanAksi({ href, children, label }: { href: string; children: ReactNode; label: string }) {
  const navigate = useNavigate();
  return (
    <Button
      component="a"
      href={href}
      size="xs"
      variant="light"
      aria-label={label}
      onClick={(e: React.MouseEvent) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        void navigate({ href });
      }}
    >
      {children}
    </Button>
  );
}
