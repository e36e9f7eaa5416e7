import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JENIS_JABATAN } from '../../domain/jabatan.js';
import { checkNip } from '../../domain/nip.js';
import {
  DEMO_EMPLOYEES,
  demoAccounts,
  demoGorontalo,
  PARUH_WAKTU_DINKES,
  tmtPeristiwa,
} from './demo-gorontalo.js';
import { NIP_PLAN_CHECKED_ON } from './province.js';
import { syntheticPlan } from './synthetic.js';

const { plan } = demoGorontalo();

describe('demo province plan', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(demoGorontalo())).toBe(JSON.stringify(demoGorontalo()));
  });

  it('has ~2,000 employees with valid, unique NIPs', () => {
    expect(plan.pegawai).toHaveLength(DEMO_EMPLOYEES);
    expect(new Set(plan.pegawai.map((p) => p.nip)).size).toBe(DEMO_EMPLOYEES);
    const invalid = plan.pegawai.filter((p) => !checkNip(p.nip, p.jenisAsn, NIP_PLAN_CHECKED_ON).valid);
    expect(invalid).toEqual([]);
    const pppk = plan.pegawai.filter((p) => p.jenisAsn !== 'PNS').length;
    expect(pppk / DEMO_EMPLOYEES).toBeGreaterThan(0.1);
    expect(plan.pegawai.filter((p) => p.jenisAsn === 'PPPK_PW')).toHaveLength(PARUH_WAKTU_DINKES);
  });

  it('has every kind of position and ~25 OPD besides the Sekretariat Daerah', () => {
    const jenisOf = new Map(plan.jabatan.map((j) => [j.key, j.jenis]));
    const held = new Set(plan.pegawai.map((p) => jenisOf.get(p.jabatanKey)));
    expect([...held].sort()).toEqual([...JENIS_JABATAN].sort());
    const opd = plan.unor.filter((u) => u.jenis === 'OPD');
    expect(opd.length).toBeGreaterThanOrEqual(25);
    expect(opd.map((u) => u.nama)).toContain('Sekretariat Daerah');
  });

  it('gives each structural position exactly one holder', () => {
    const holders = new Map<string, number>();
    for (const p of plan.pegawai) holders.set(p.jabatanKey, (holders.get(p.jabatanKey) ?? 0) + 1);
    const structural = plan.jabatan.filter((j) => j.jenis !== 'PELAKSANA' && j.jenis !== 'FUNGSIONAL');
    expect(structural.filter((j) => holders.get(j.key) !== 1).map((j) => j.nama)).toEqual([]);
  });

  it('lists one demo account per role, with the configured password', () => {
    const accounts = demoAccounts('Rahasia#1');
    expect(accounts.map((a) => a.role)).toEqual([
      'admin_instansi',
      'admin_opd',
      'kepala_opd',
      'administrator',
      'pengawas',
      'pelaksana',
      'fungsional',
      'staf',
      'plt',
      'mutasi',
    ]);
    expect(accounts.every((a) => a.password === 'Rahasia#1' && /^\d{18}$/.test(a.nip))).toBe(true);
  });

  it('the README lists exactly these demo accounts', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Demo accounts'), readme.indexOf('## What it does today'));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .split('|')
          .slice(1, 4)
          .map((cell) => cell.trim().replace(/`/g, '')),
      );
    expect(rows).toEqual(demoAccounts('x').map((a) => [a.role, a.nip, a.nama]));
  });

  it('dates the mid-year cases from February, the mutation two months back so both plans meet the monthly cycle', () => {
    expect(tmtPeristiwa('2026-01-31')).toBeNull();
    expect(tmtPeristiwa('2026-02-01')).toEqual({ plt: '2026-02-01', mutasi: '2026-02-01' });
    expect(tmtPeristiwa('2026-04-15')).toEqual({ plt: '2026-02-01', mutasi: '2026-02-01' });
    expect(tmtPeristiwa('2026-10-12')).toEqual({ plt: '2026-02-01', mutasi: '2026-08-01' });
    expect(tmtPeristiwa('2026-12-31')).toEqual({ plt: '2026-02-01', mutasi: '2026-10-01' });
  });

  it('a synthetic instansi shares no NIP with the demo', () => {
    const synthetic = syntheticPlan(5000);
    expect(synthetic.pegawai).toHaveLength(5000);
    const demo = new Set(plan.pegawai.map((p) => p.nip));
    expect(synthetic.pegawai.filter((p) => demo.has(p.nip))).toEqual([]);
  });
});
