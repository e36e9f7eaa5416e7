import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// One data folder per port, so two runs on one machine do not share (and lock) a folder.
const dataDir = `tmp/e2e-data-${port}`;

// Debian's Chromium, never a downloaded browser; the product runs from `npm start` on a fresh
// PGlite folder with the demo data.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  // Two cores hold the server, the browser and the accessibility check of every page a journey opens
  // (fixtures.ts), which runs inside the journey's next action or assertion and so inside its wait.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'id-ID',
    // The journeys run with the browser in WIB, the demo instansi is in WITA and CI's machine in UTC:
    // a date shown in the browser's zone instead of the instansi's shows up as a failure. The zone
    // journey (zona-waktu.spec.ts) runs its screens in UTC too.
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && npm start`,
    url: `http://127.0.0.1:${port}/api/health`,
    // PUBLIC_URL as the browser reaches it: the SSO journey registers `<PUBLIC_URL>/masuk/sso` at
    // its provider, and the SSO cookie must come back to the same host.
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
