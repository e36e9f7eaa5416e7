import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABEL_AKSI_AUDIT, labelAksiAudit, labelDataAudit } from '../../domain/audit.js';

const MODULES = join(import.meta.dirname, '..');

/** The service sources: every file under src/modules but the tests. */
function sumber(): { file: string; text: string }[] {
  return readdirSync(MODULES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(join(MODULES, f), 'utf8') }));
}

/** The codes written: the quoted literals of every `action:` expression (ternaries included). */
function kodeDitulis(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of sumber())
    for (const m of text.matchAll(/\baction: ([^\n]+?),?\n/g))
      for (const k of m[1]!.matchAll(/'([a-z_]+(?:[.-][a-zA-Z_-]+)+)'/g)) found.set(k[1]!, file);
  return found;
}

describe('audit action labels', () => {
  it('every action code a service writes has an Indonesian label', () => {
    const kode = kodeDitulis();
    expect(kode.size).toBeGreaterThan(60);
    const tanpaLabel = [...kode].filter(([k]) => !(k in LABEL_AKSI_AUDIT)).map(([k, f]) => `${k} (${f})`);
    expect(tanpaLabel).toEqual([]);
  });

  it('names the common actions in words, keeping an unknown code as it is', () => {
    expect(labelAksiAudit('auth.login')).toBe('Masuk');
    expect(labelAksiAudit('skp.approve')).toBe('Menyetujui SKP');
    expect(labelAksiAudit('lama.tidak_dikenal')).toBe('lama.tidak_dikenal');
  });

  it('names the kind of data of an entry without a resolved name', () => {
    expect(labelDataAudit('token_api', '7')).toBe('Token API #7');
    expect(labelDataAudit('baru', '3')).toBe('baru #3');
  });
});
