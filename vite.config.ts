import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The PWA (ADR 0010): the built shell is precached and every navigation falls back to it, so the app
 * opens without a connection; the employee's own reads the daily-log and realisasi pages need are
 * cached network-first (the page clears that cache at login and logout). The writes recorded offline
 * live in the page's IndexedDB outbox, not in the service worker.
 */
export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      // Registered from main.tsx (virtual:pwa-register): no inline script under the CSP.
      injectRegister: false,
      manifest: {
        name: 'e-Kinerja — Manajemen Kinerja ASN',
        short_name: 'e-Kinerja',
        description: 'Rencana, log harian dan realisasi kinerja ASN, juga saat sinyal lemah.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#087f5b',
        icons: [
          { src: '/ikon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/ikon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/ikon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // Serialized into sw.js: the pattern must be self-contained. The own profile, schedule,
            // plans, month of realisasi, daily logs and notifications; never a download.
            urlPattern: ({ url, request, sameOrigin }) =>
              sameOrigin &&
              request.method === 'GET' &&
              /^\/api\/(me|jadwal|notifikasi|skp|skp\/\d+|realisasi|realisasi\/\d+\/log)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'ekinerja-data',
              networkTimeoutSeconds: 8,
              expiration: { maxEntries: 80, maxAgeSeconds: 14 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
