import { describe, expect, it } from 'vitest';
import { bawahanBerikutnya, dalamIsian, langkah } from './navigasi';

describe('langkah', () => {
  it('moves with arrows and j/k, stopping at the ends', () => {
    expect(langkah('ArrowDown', 0, 3)).toBe(1);
    expect(langkah('j', 1, 3)).toBe(2);
    expect(langkah('j', 2, 3)).toBe(2);
    expect(langkah('ArrowUp', 2, 3)).toBe(1);
    expect(langkah('k', 0, 3)).toBe(0);
    expect(langkah('Home', 2, 3)).toBe(0);
    expect(langkah('End', 0, 3)).toBe(2);
  });

  it('ignores other keys and empty lists', () => {
    expect(langkah('Enter', 0, 3)).toBeNull();
    expect(langkah('x', 0, 3)).toBeNull();
    expect(langkah('j', 0, 0)).toBeNull();
  });
});

describe('dalamIsian', () => {
  it('tells fields from other elements', () => {
    expect(dalamIsian({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(dalamIsian({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(dalamIsian({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(dalamIsian({ tagName: 'DIV' } as unknown as EventTarget)).toBe(false);
    expect(dalamIsian(null)).toBe(false);
  });
});

describe('bawahanBerikutnya', () => {
  const daftar = (...menunggu: number[]) => menunggu.map((m, i) => ({ pegawaiId: i + 1, menunggu: m }));

  it('goes to the next one down still waiting', () => {
    expect(bawahanBerikutnya(daftar(2, 0, 1, 3), 1)).toBe(3);
    expect(bawahanBerikutnya(daftar(2, 0, 1, 3), 3)).toBe(4);
  });

  it('wraps around to one waiting higher up', () => {
    expect(bawahanBerikutnya(daftar(2, 0, 0, 0), 3)).toBe(1);
  });

  it('without anyone else waiting, takes the next one down, and stops at the end', () => {
    expect(bawahanBerikutnya(daftar(1, 0, 0), 1)).toBe(2);
    expect(bawahanBerikutnya(daftar(0, 0, 0), 2)).toBe(3);
    expect(bawahanBerikutnya(daftar(0, 0, 0), 3)).toBeNull();
    expect(bawahanBerikutnya(daftar(5), 1)).toBeNull();
  });

  it('starts from the top for someone not in the list', () => {
    expect(bawahanBerikutnya(daftar(0, 1), 99)).toBe(2);
    expect(bawahanBerikutnya(daftar(0, 0), 99)).toBeNull();
  });
});
