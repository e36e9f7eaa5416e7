import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.10 ,fd00::/8', ['10.0.0.0/8', '192.168.1.10', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('%j → %j', (value, trust) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(trust);
  });

  it.each([
    ['true', 'true'],
    ['10.0.0.0/33', '10.0.0.0/33'],
    ['10.0.0.1,proxy.local', 'proxy.local'],
    ['10.0.0.1,', '(kosong)'],
    ['::1/129', '::1/129'],
  ])('refuses %j', (value, named) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(named);
  });
});

describe('login settings', () => {
  it('draws a device secret and uses the CPU count when left empty', () => {
    const a = loadConfig({ LOGIN_DEVICE_SECRET: '', LOGIN_CONCURRENCY: '' });
    const b = loadConfig({});
    expect(a.LOGIN_DEVICE_SECRET).toHaveLength(43);
    expect(a.LOGIN_DEVICE_SECRET).not.toBe(b.LOGIN_DEVICE_SECRET);
    expect(a.LOGIN_CONCURRENCY).toBeGreaterThan(0);
  });

  it('refuses a short device secret', () => {
    expect(() => loadConfig({ LOGIN_DEVICE_SECRET: 'pendek' })).toThrow('LOGIN_DEVICE_SECRET');
  });
});
