import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { ULANG_MAKS, ulangBilaSibuk } from './ulangSibuk';

const sibuk = (retryAfter?: number) =>
  new ApiError(503, 'LOGIN_BUSY', 'Server sedang memproses banyak permintaan masuk.', { retryAfter });

describe('ulangBilaSibuk', () => {
  it('tries a refused login again after the Retry-After the server gave, with a little jitter', async () => {
    const tunggu: number[] = [];
    const diberitahu: [number, number][] = [];
    let n = 0;
    const hasil = await ulangBilaSibuk(
      async () => {
        n++;
        if (n < 3) throw sibuk(n === 1 ? 2 : 1);
        return 'masuk';
      },
      {
        tunggu: async (ms) => {
          tunggu.push(ms);
        },
        acak: () => 0.5,
        saatMenunggu: (d, p) => diberitahu.push([d, p]),
      },
    );
    expect(hasil).toBe('masuk');
    expect(tunggu).toEqual([2250, 1250]);
    expect(diberitahu).toEqual([
      [2, 2],
      [1, 3],
    ]);
  });

  it('gives up after ULANG_MAKS refusals and passes the server message on', async () => {
    let n = 0;
    const gagal = ulangBilaSibuk(
      async () => {
        n++;
        throw sibuk(30);
      },
      { tunggu: async () => {}, acak: () => 0 },
    );
    await expect(gagal).rejects.toMatchObject({ code: 'LOGIN_BUSY' });
    expect(n).toBe(ULANG_MAKS + 1);
  });

  it('waits between 1 and 10 seconds whatever the server says, and never retries other errors', async () => {
    const tunggu: number[] = [];
    let n = 0;
    await ulangBilaSibuk(
      async () => {
        n++;
        if (n === 1) throw sibuk(600);
        if (n === 2) throw sibuk();
        return null;
      },
      { tunggu: async (ms) => void tunggu.push(ms), acak: () => 0 },
    );
    expect(tunggu).toEqual([10_000, 1_000]);
    const salah = new ApiError(401, 'INVALID_CREDENTIALS', 'NIP atau kata sandi salah.');
    let m = 0;
    await expect(
      ulangBilaSibuk(async () => {
        m++;
        throw salah;
      }),
    ).rejects.toBe(salah);
    expect(m).toBe(1);
  });
});
