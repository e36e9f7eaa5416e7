import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export interface DemoAccount {
  role: string;
  nip: string;
  nama: string;
  password: string;
}

/** The demo accounts exactly as `npm run demo:accounts` prints them. */
export function demoAccounts(): Record<string, DemoAccount> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/demo-accounts.ts'], {
    encoding: 'utf8',
  });
  const accounts = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DemoAccount);
  return Object.fromEntries(accounts.map((a) => [a.role, a]));
}

/** Logs in through the form and waits for the greeting of the account's own name. */
export async function masuk(page: Page, a: DemoAccount) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(a.nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(a.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat datang, ${a.nama}` })).toBeVisible();
}
