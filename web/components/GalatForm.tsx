/**
 * A form's error where the eye is: placed by the form's submit button, scrolled into view and focused
 * when it appears (a screen reader announces it), in the user's words (lib/galatForm pesanGalat).
 */
import { Alert } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

export function GalatForm({ title, children }: { title?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Alert ref={ref} tabIndex={-1} color="red" role="alert" title={title}>
      {children}
    </Alert>
  );
}
