import { describe, expect, it } from 'vitest';
import { potongKosong } from './kolom';

describe('potongKosong', () => {
  const ada = (n: number) => n > 0;
  it('keeps the run from the first to the last filled period, gaps included', () => {
    expect(potongKosong([0, 0, 3, 0, 5, 0], ada)).toEqual([3, 0, 5]);
  });
  it('keeps everything when nothing is filled', () => {
    expect(potongKosong([0, 0], ada)).toEqual([0, 0]);
  });
});
