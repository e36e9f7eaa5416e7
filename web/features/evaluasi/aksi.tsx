/** The evaluation writes refresh every evaluation view (a 409: changed meanwhile, locked, already decided). */
import { useAksi } from '../../lib/aksi';
import { segarkanEvaluasi } from './api';

export const useEvaluasiAksi = () => useAksi(segarkanEvaluasi);
