/**
 * The yearly partitions of the history tables (attendance, progres harian; ADR 0025): each year's
 * partition exists before its first row, and rows that fell into a DEFAULT partition get their own.
 */
import type { Db } from '../../db/client.js';
import * as q from './partisi.queries.js';

export function createPartisiService(db: Db) {
  return {
    /** The partitions created (`kehadiran_2027`, …); empty when all were there. */
    siapkan: () => db.transaction((tx) => q.siapkanPartisi(tx)),
  };
}

export type PartisiService = ReturnType<typeof createPartisiService>;
