import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { registerSW } from 'virtual:pwa-register';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { ApiError } from './lib/api';
import { cssVariablesResolver, theme } from './lib/theme';
import { createAppRouter } from './router';

// The page's CSP refuses eval; without this Zod would probe for it (a reported violation) and fall back.
z.config({ jitless: true });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused request will be refused again; only network trouble is worth a retry.
      retry: (count, error) => !(error instanceof ApiError && error.status > 0) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

// The service worker caches the shell and the employee's reads (vite.config.ts); a new release
// takes over at once, since the outbox lives in IndexedDB and survives the swap.
registerSW({ immediate: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
