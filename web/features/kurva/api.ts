/** Curve calls and query keys: the leader's units, a unit's periods with data, its calibration board. */
import { queryOptions } from '@tanstack/react-query';
import type {
  KalibrasiOut,
  KurvaUnitOut,
  PeriodeUnitOut,
  UnitPimpinanOut,
} from '../../../src/contracts/kurva';
import { api } from '../../lib/api';

export type { KalibrasiOut, KurvaUnitOut, UnitPimpinanOut };

export const kurvaKeys = {
  unitSaya: ['kurva', 'unit-saya'] as const,
  kalibrasi: (unorId: number, periode: string) => ['kurva', 'kalibrasi', unorId, periode] as const,
  periode: (unorId: number) => ['kurva', 'periode', unorId] as const,
};

export const unitSayaQuery = queryOptions({
  queryKey: kurvaKeys.unitSaya,
  queryFn: () => api<UnitPimpinanOut>('/api/kurva/unit-saya'),
});

export const kalibrasiQuery = (unorId: number, periode: string) =>
  queryOptions({
    queryKey: kurvaKeys.kalibrasi(unorId, periode),
    queryFn: () => api<KalibrasiOut>(`/api/kurva/unor/${unorId}/kalibrasi?periode=${periode}`),
  });

/** The periods with assessments in the unit, newest first. */
export const periodeUnitQuery = (unorId: number) =>
  queryOptions({
    queryKey: kurvaKeys.periode(unorId),
    queryFn: () => api<PeriodeUnitOut>(`/api/kurva/unor/${unorId}/periode`),
  });
