/// <reference types="node" />
/**
 * Every NIP the UI prints reads as 8-6-1-3 digits (formatNip), never as one 18-digit run (issue 14).
 * A guard over the sources: a JSX text slot `{x.nip}` prints the raw value (a template literal's
 * `${x.nip}`, e.g. a React key, is not a slot).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.dirname(new URL(import.meta.url).pathname);

function tsx(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsx(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

describe('NIPs in the UI', () => {
  it('are printed through formatNip', () => {
    const mentah = tsx(WEB).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(WEB, file)}:${i + 1}` }))
        .filter(({ line }) => /(?<!\$)\{(?:[A-Za-z]+\??\.)+nip\}/.test(line))
        .map(({ at }) => at),
    );
    expect(mentah).toEqual([]);
  });
});
