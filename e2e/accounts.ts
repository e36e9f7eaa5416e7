import { execFileSync } from 'node:child_process';

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
