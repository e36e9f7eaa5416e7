/**
 * Migrates a PostgreSQL template database once per run; test files clone it. The name is unique
 * per run, so two runs against one server (a developer and CI) do not drop each other's template.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { adminUrl, withAdmin } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const name = `ekinerja_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  const database = await openDatabase({ databaseUrl: adminUrl(url, name), poolSize: 1 });
  await database.migrate();
  await database.close();
  project.provide('templateDb', name);
  return async () => {
    await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
}
