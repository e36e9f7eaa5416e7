/** The TPP writes refresh every TPP view (a 409: changed meanwhile, or the month already approved). */
import { useAksi } from '../../lib/aksi';
import { segarkanTpp } from './api';

export const useTppAksi = () => useAksi(segarkanTpp);
