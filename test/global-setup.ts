/**
 * Migrates a database once per run; test files start from a copy of it. On PostgreSQL that is a
 * template database whose name is unique per run, so two runs against one server (a developer and
 * CI) do not drop each other's template. On PGlite it is a dumped data folder: a file loading it
 * skips initdb and the migrations, seconds per file on a small machine.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { adminUrl, withAdmin } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
    templatePglite: string;
  }
}

async function templatPglite(project: TestProject) {
  const file = path.resolve('tmp', `pglite-templat-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
  await mkdir(path.dirname(file), { recursive: true });
  const database = await openDatabase({});
  await database.migrate();
  await writeFile(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('templatePglite', file);
  return () => rm(file, { force: true });
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return templatPglite(project);
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
