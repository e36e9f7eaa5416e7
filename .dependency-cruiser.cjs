/**
 * The one-way dependency rule of ARCHITECTURE.md for src/, checked by `npm run lint`. (web/'s rule is
 * Biome's noRestrictedImports: the swc parser used here cannot read .tsx.)
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-and-contracts-are-pure',
      comment: 'src/domain and src/contracts import no framework, database or server code.',
      severity: 'error',
      from: { path: '^src/(domain|contracts)/' },
      to: {
        path: [
          '^src/(db|modules|platform|cli)/',
          '^src/(app|server)\\.ts$',
          'node_modules/(fastify|@fastify|drizzle-orm|pg|@electric-sql)/',
        ],
      },
    },
    {
      name: 'domain-knows-no-contracts',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/contracts/' },
    },
    {
      name: 'only-queries-touch-the-database',
      comment:
        'In a module, only *.queries.ts uses Drizzle, the schema or the driver; services get Db/Tx from client.ts.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.(queries|test|int\\.test)\\.ts$' },
      to: {
        path: ['node_modules/(drizzle-orm|pg|@electric-sql)/', '^src/db/'],
        pathNot: '^src/db/client\\.ts$',
      },
    },
    {
      name: 'no-cross-module-queries',
      comment: "Modules call each other's services, never each other's queries.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/[^/]+\\.queries\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'server-code-never-imports-web-or-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.(test|int\\.test)\\.ts$' },
      to: { path: '^(web|test|e2e|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|tmp)/' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
