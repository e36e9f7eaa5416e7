/** The dialog writes refresh every dialog view (a 409: changed meanwhile, already done or rated). */
import { useAksi } from '../../lib/aksi';
import { segarkanDialog } from './api';

export const useDialogAksi = () => useAksi(segarkanDialog);
