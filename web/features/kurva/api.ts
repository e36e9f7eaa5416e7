/** Curve calls and query keys: the leader's units, a unit's periods with data, its curve and board. */
import { queryOptions } from '@tanstack/react-query';
import type {
  KalibrasiOut,
  KurvaUnitOut,
  PeriodeUnitOut,
  UnitPimpinanOut,
} from '../../../src/contracts/kurva';
import { periodeTahunan } from '../../../src/domain/kurva';
import { api } from '../../lib/api';

export type { KalibrasiOut, KurvaUnitOut, UnitPimpinanOut };

export const kurvaKeys = {
  unitSaya: ['kurva', 'unit-saya'] as const,
  unit: (unorId: number, periode: string) => ['kurva', 'unit', unorId, periode] as const,
  periode: (unorId: number) => ['kurva', 'periode', unorId] as const,
};

export const unitSayaQuery = queryOptions({
  queryKey: kurvaKeys.unitSaya,
  queryFn: () => api<UnitPimpinanOut>('/api/kurva/unit-saya'),
});

/**
 * A unit's curve for a period and, for a periodic one, its calibration board; a year's curve has
 * no board (`papan` null).
 */
export const kurvaUnitQuery = (unorId: number, periode: string) =>
  queryOptions({
    queryKey: kurvaKeys.unit(unorId, periode),
    queryFn: async (): Promise<{ kurva: KurvaUnitOut; papan: KalibrasiOut | null }> => {
      if (periodeTahunan(periode))
        return {
          kurva: await api<KurvaUnitOut>(`/api/kurva/unor/${unorId}?periode=${periode}`),
          papan: null,
        };
      const papan = await api<KalibrasiOut>(`/api/kurva/unor/${unorId}/kalibrasi?periode=${periode}`);
      return { kurva: papan.kurva, papan };
    },
  });

/** The periods with data in the unit, newest first. */
export const periodeUnitQuery = (unorId: number) =>
  queryOptions({
    queryKey: kurvaKeys.periode(unorId),
    queryFn: () => api<PeriodeUnitOut>(`/api/kurva/unor/${unorId}/periode`),
  });
