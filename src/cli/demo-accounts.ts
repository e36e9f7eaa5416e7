/** `npm run demo:accounts`: the demo accounts as JSON lines (no database needed: the demo is deterministic). */
import { demoAccounts } from '../db/seed/demo-gorontalo.js';
import { loadConfig } from '../platform/config.js';

for (const account of demoAccounts(loadConfig().DEMO_PASSWORD)) console.log(JSON.stringify(account));
