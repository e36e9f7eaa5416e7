/** buildApp(deps): the composition root. Services are built here with explicit dependencies. */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bukaStorage } from './db/berkas-store.js';
import type { Database } from './db/client.js';
import { mengubahProfil } from './domain/audit.js';
import { angkaKreditRoutes } from './modules/angka-kredit/angka-kredit.routes.js';
import { createAngkaKreditService } from './modules/angka-kredit/angka-kredit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuditCheckpointService } from './modules/audit/audit-checkpoint.service.js';
import { createPenautAudit, type PenautAudit } from './modules/audit/audit-rantai.js';
import { registerAccessHooks, SECURITY_SCHEMES, securityOf } from './modules/auth/access.hooks.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { type CacheAktor, createCacheAktor } from './modules/auth/cache-aktor.js';
import { createLoginThrottle } from './modules/auth/login-throttle.js';
import { mfaRoutes } from './modules/auth/mfa.routes.js';
import { createMfaService } from './modules/auth/mfa.service.js';
import { createMfaKunci } from './modules/auth/mfa-kunci.js';
import { sesiRoutes } from './modules/auth/sesi.routes.js';
import { createSesiService } from './modules/auth/sesi.service.js';
import { ssoRoutes } from './modules/auth/sso.routes.js';
import { createSsoService } from './modules/auth/sso.service.js';
import { createSsoPengaturanService } from './modules/auth/sso-pengaturan.service.js';
import { createSsoPenyedia } from './modules/auth/sso-penyedia.js';
import { delegasiRoutes } from './modules/delegasi/delegasi.routes.js';
import { createDelegasiService } from './modules/delegasi/delegasi.service.js';
import { dialogRoutes } from './modules/dialog/dialog.routes.js';
import { createDialogService } from './modules/dialog/dialog.service.js';
import { dokumenRoutes } from './modules/dokumen/dokumen.routes.js';
import { createDokumenService } from './modules/dokumen/dokumen.service.js';
import { eskalasiRoutes } from './modules/eskalasi/eskalasi.routes.js';
import { createEskalasiService } from './modules/eskalasi/eskalasi.service.js';
import { evaluasiRoutes } from './modules/evaluasi/evaluasi.routes.js';
import { createEvaluasiService } from './modules/evaluasi/evaluasi.service.js';
import { createIdempotenService } from './modules/idempoten/idempoten.service.js';
import { imporRoutes } from './modules/impor/impor.routes.js';
import { createImporService } from './modules/impor/impor.service.js';
import { imporNasionalRoutes } from './modules/impor/impor-nasional.routes.js';
import { createImporNasionalService } from './modules/impor/impor-nasional.service.js';
import { inboxRoutes } from './modules/inbox/inbox.routes.js';
import { createInboxService } from './modules/inbox/inbox.service.js';
import { apiV1Routes } from './modules/integrasi/api-v1.routes.js';
import { createApiV1Service } from './modules/integrasi/api-v1.service.js';
import { tokenApiRoutes } from './modules/integrasi/token-api.routes.js';
import { createTokenApiService } from './modules/integrasi/token-api.service.js';
import { jadwalRoutes } from './modules/jadwal/jadwal.routes.js';
import { createJadwalService } from './modules/jadwal/jadwal.service.js';
import { kehadiranRoutes } from './modules/kehadiran/kehadiran.routes.js';
import { createKehadiranService } from './modules/kehadiran/kehadiran.service.js';
import { kepatuhanHarianRoutes } from './modules/kepatuhan-harian/kepatuhan-harian.routes.js';
import { createKepatuhanHarianService } from './modules/kepatuhan-harian/kepatuhan-harian.service.js';
import { kurvaRoutes } from './modules/kurva/kurva.routes.js';
import { createKurvaService } from './modules/kurva/kurva.service.js';
import { laporanRoutes } from './modules/laporan/laporan.routes.js';
import { createLaporanService } from './modules/laporan/laporan.service.js';
import { masukanRekanRoutes } from './modules/masukan-rekan/masukan-rekan.routes.js';
import { createMasukanRekanService } from './modules/masukan-rekan/masukan-rekan.service.js';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.js';
import { createMonitoringService, type MonitoringService } from './modules/monitoring/monitoring.service.js';
import { notifikasiRoutes } from './modules/notifikasi/notifikasi.routes.js';
import { createNotifikasiService } from './modules/notifikasi/notifikasi.service.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { createOrgService } from './modules/org/org.service.js';
import { pegawaiRoutes } from './modules/pegawai/pegawai.routes.js';
import { createPegawaiService, type ProfilSaya } from './modules/pegawai/pegawai.service.js';
import { pekerjaanRoutes } from './modules/pekerjaan/pekerjaan.routes.js';
import { createPekerjaanService, type PekerjaanService } from './modules/pekerjaan/pekerjaan.service.js';
import { pengaturanRoutes } from './modules/pengaturan/pengaturan.routes.js';
import { createPengaturanService } from './modules/pengaturan/pengaturan.service.js';
import { createPengingatService, type PengingatService } from './modules/pengingat/pengingat.service.js';
import { pkRoutes } from './modules/pk/pk.routes.js';
import { createPkService } from './modules/pk/pk.service.js';
import { pppkParuhWaktuRoutes } from './modules/pppk-paruh-waktu/pppk-paruh-waktu.routes.js';
import { createPppkParuhWaktuService } from './modules/pppk-paruh-waktu/pppk-paruh-waktu.service.js';
import { logHarianRoutes } from './modules/realisasi/log-harian.routes.js';
import { createLogHarianService } from './modules/realisasi/log-harian.service.js';
import { progresHarianRoutes } from './modules/realisasi/progres-harian.routes.js';
import { createProgresHarianService } from './modules/realisasi/progres-harian.service.js';
import { realisasiRoutes } from './modules/realisasi/realisasi.routes.js';
import { createRealisasiService } from './modules/realisasi/realisasi.service.js';
import { realisasiImporRoutes } from './modules/realisasi/realisasi-impor.routes.js';
import { createRealisasiImporService } from './modules/realisasi/realisasi-impor.service.js';
import { riwayatRoutes } from './modules/riwayat/riwayat.routes.js';
import { createRiwayatService } from './modules/riwayat/riwayat.service.js';
import { createSiasnClient } from './modules/siasn/siasn.client.js';
import { siasnRoutes } from './modules/siasn/siasn.routes.js';
import { createSiasnService, type SiasnService } from './modules/siasn/siasn.service.js';
import { createSiasnKunci } from './modules/siasn/siasn-kunci.js';
import { skpRoutes } from './modules/skp/skp.routes.js';
import { createSkpService } from './modules/skp/skp.service.js';
import { tindakLanjutRoutes } from './modules/tindak-lanjut/tindak-lanjut.routes.js';
import { createTindakLanjutService } from './modules/tindak-lanjut/tindak-lanjut.service.js';
import { tppRoutes } from './modules/tpp/tpp.routes.js';
import { createTppService } from './modules/tpp/tpp.service.js';
import { createTugasService, type TugasService } from './modules/tugas/tugas.service.js';
import { auditHmacKey } from './platform/audit-key.js';
import { createCacheSingkat } from './platform/cache-singkat.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { RetryLaterError } from './platform/errors.js';
import { registerErrorHandling, registerInputBoundsCheck } from './platform/http.js';
import { createImportGate, type ImportGate } from './platform/import-upload.js';
import { createLimiter, type Limiter } from './platform/limiter.js';
import { openapiOptions } from './platform/openapi.js';
import { registerSecurityHeaders } from './platform/security-headers.js';

z.config(z.locales.id());

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit log's chaining step (modules/audit, ADR 0019); the server sweeps with it, tests chain with it. */
    penautAudit: PenautAudit;
    /** Sessions' actors for reads (modules/auth, ADR 0032); tests wait on its notifications. */
    cacheAktor: CacheAktor;
    /** The deadline reminder job (modules/pengingat). */
    pengingat: PengingatService;
    /** Once-per-slot claims of the periodic jobs (modules/tugas); the server's schedulers use it. */
    tugas: TugasService;
    /** The monitoring recaps (modules/monitoring): the server completes them at start-up, tests refresh them. */
    monitoring: MonitoringService;
    /** The SIASN outbox sender (modules/siasn); the server schedules it, tests call it. */
    siasn: SiasnService;
    /** Long work users started (modules/pekerjaan); the server fails what a restart cut off. */
    pekerjaan: PekerjaanService;
    /** The ceiling on password verifications at once; tests hold its turns to fill it. */
    loginVerifying: Limiter;
    /** The spreadsheet imports running per instansi; tests hold places in it. */
    importGate: ImportGate;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
}

/** Behind `hops` proxies: the socket peer and the hops − 1 addresses it forwarded are proxies. */
function trustHops(hops: number) {
  return (_address: string, index: number) => index < hops;
}

/** Methods that change nothing; every other request of a user may have written. */
const METODE_BACA = new Set(['GET', 'HEAD', 'OPTIONS']);

const HealthOut = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  replika: z.object({
    status: z.enum(['aktif', 'tertinggal', 'tidak_tersedia', 'tidak_dipakai']),
    lagMs: z.number().int().nullable(),
  }),
});

/** Built files a browser must revalidate on every load (their names carry no content hash). */
const TANPA_CACHE = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);

export async function buildApp({ config, database, clock }: AppDeps) {
  const { db, bacaBerat } = database;
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Fastify turns a bare number into "trust nothing" (a count cannot tell a proxy from a client);
    // TRUST_PROXY's hop count is the operator's word that only proxies can reach the app.
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerInputBoundsCheck(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(
    fastifySwagger,
    openapiOptions({ publicUrl: config.PUBLIC_URL, securitySchemes: SECURITY_SCHEMES, securityOf }),
  );
  if (config.API_DOCS) await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const penautAudit = createPenautAudit(db, app.log);
  app.decorate('penautAudit', penautAudit);
  app.addHook('onClose', () => penautAudit.hentikan());
  // Own profiles (GET /api/me) a node keeps for a short while; a change this node commits empties it.
  const cacheProfil = createCacheSingkat<ProfilSaya>({
    ttlMs: config.PROFIL_CACHE_DETIK * 1000,
    maks: 20_000,
  });
  // Sessions' actors for reads; every node forgets what the database reports changed (ADR 0032).
  const cacheAktor = createCacheAktor({
    ttlMs: config.AKTOR_CACHE_DETIK * 1000,
    dengar: database.dengar,
  });
  app.decorate('cacheAktor', cacheAktor);
  app.addHook('onClose', () => cacheAktor.berhenti());
  const audit = createAuditService({
    db,
    clock,
    penaut: penautAudit,
    setelahAksi: (aksi) => {
      if (!mengubahProfil(aksi)) return;
      cacheProfil.kosongkan();
      // The database's report reaches this node too, but only after the response that follows.
      cacheAktor.kosongkan();
    },
  });
  const auditCheckpoint = createAuditCheckpointService({
    db,
    clock,
    hmacKey: auditHmacKey(config),
    log: app.log,
  });
  const org = createOrgService({ db, audit });
  const siasn = createSiasnService({
    db,
    clock,
    audit,
    client: createSiasnClient({ now: () => clock.now().getTime() }),
    kunci: createSiasnKunci(config),
  });
  app.decorate('siasn', siasn);
  const loginVerifying = createLimiter({
    concurrency: config.LOGIN_CONCURRENCY,
    queue: config.LOGIN_QUEUE,
    whenFull: () => new RetryLaterError('LOGIN_BUSY', 1),
  });
  app.decorate('loginVerifying', loginVerifying);
  const pengaturan = createPengaturanService({ db, audit });
  const mfaKunci = createMfaKunci(config);
  const mfa = createMfaService({ db, clock, audit, kunci: mfaKunci, pengaturan, zonaWaktu: org.zonaWaktu });
  const ssoPenyedia = createSsoPenyedia({ clock, log: app.log });
  const ssoPengaturan = createSsoPengaturanService({
    db,
    audit,
    kunci: mfaKunci,
    penyedia: ssoPenyedia,
    publicUrl: config.PUBLIC_URL,
    kelompok: mfa.kelompok,
  });
  const pegawai = createPegawaiService({ db, clock, audit, zonaWaktu: org.zonaWaktu, mfa, cacheProfil });
  const auth = createAuthService({
    db,
    clock,
    audit,
    config,
    throttle: createLoginThrottle({ db, clock, config }),
    verifying: loginVerifying,
    periksaKuasa: pegawai.periksaKuasa,
    mfa,
    kataSandiNonaktif: ssoPengaturan.kataSandiNonaktif,
    cacheAktor,
  });
  const sso = createSsoService({
    db,
    clock,
    kunci: mfaKunci,
    penyedia: ssoPenyedia,
    pengaturan: ssoPengaturan,
    auth,
    publicUrl: config.PUBLIC_URL,
    log: app.log,
  });
  const sesi = createSesiService({ db, clock, audit });
  const importGate = createImportGate(config.IMPOR_SERENTAK);
  app.decorate('importGate', importGate);
  const storage = bukaStorage(config.STORAGE, config, db);
  const pekerjaan = createPekerjaanService({
    db,
    clock,
    storage,
    gerbangImpor: importGate,
    onError: (err, pekerjaanId) => app.log.error({ err, pekerjaanId }, 'pekerjaan gagal'),
  });
  app.decorate('pekerjaan', pekerjaan);
  const impor = createImporService({
    db,
    clock,
    audit,
    zonaWaktu: org.zonaWaktu,
    rantaiAtasanIds: pegawai.rantaiAtasanIds,
    pekerjaan,
  });
  const imporNasional = createImporNasionalService({ db, clock, audit, pekerjaan });
  const pk = createPkService({ db, audit, pekerjaan });
  const jadwal = createJadwalService({ db, clock, audit, pengaturan, zonaWaktu: org.zonaWaktu });
  const notifikasi = createNotifikasiService({ db, clock });
  const skp = createSkpService({
    db,
    clock,
    audit,
    pegawai,
    pk,
    pengaturan,
    notifikasi,
    zonaWaktu: org.zonaWaktu,
  });
  pegawai.padaMutasi(skp.tutupKarenaMutasi);
  const delegasi = createDelegasiService({ db, clock, audit, notifikasi, zonaWaktu: org.zonaWaktu });
  const kurva = createKurvaService({ db, bacaBerat, clock, audit, jadwal, pengaturan });
  const masukanRekan = createMasukanRekanService({ db, clock, audit, jadwal });
  const realisasi = createRealisasiService({
    db,
    clock,
    audit,
    pegawai,
    jadwal,
    notifikasi,
    storage,
    delegasi,
    kurva,
    masukanRekan,
    siasn,
  });
  const eskalasi = createEskalasiService({ db, clock, jadwal });
  const inbox = createInboxService({ db, clock, jadwal });
  // The server schedules it (server.ts); tests call it with their clock.
  const monitoring = createMonitoringService({ db, bacaBerat, clock, audit, jadwal, kurva });
  app.decorate('monitoring', monitoring);
  const idempoten = createIdempotenService({ db, clock });
  app.decorate('tugas', createTugasService({ db, clock }));
  app.decorate(
    'pengingat',
    createPengingatService({ db, clock, jadwal, monitoring, auditCheckpoint, idempoten, pekerjaan, storage }),
  );
  const realisasiImpor = createRealisasiImporService({ db, realisasi, pekerjaan });
  const dialog = createDialogService({ db, clock, audit, notifikasi, pegawai, zonaWaktu: org.zonaWaktu });
  const riwayat = createRiwayatService({ db, clock, jadwal });
  const dokumen = createDokumenService({
    db,
    clock,
    publicUrl: config.PUBLIC_URL,
    skp,
    realisasi,
    riwayat,
    pegawai,
    zonaWaktu: org.zonaWaktu,
    pengaturan,
    pekerjaan,
  });
  const evaluasi = createEvaluasiService({
    db,
    clock,
    audit,
    notifikasi,
    pengaturan,
    kurva,
    siasn,
    zonaWaktu: org.zonaWaktu,
  });

  const angkaKredit = createAngkaKreditService({ db, audit });
  const laporan = createLaporanService({ bacaBerat, pekerjaan });
  const pppkParuhWaktu = createPppkParuhWaktuService({
    db,
    clock,
    audit,
    jadwal,
    relationOf: pegawai.relationOf,
  });
  const tindakLanjut = createTindakLanjutService({ db });
  const kehadiran = createKehadiranService({ db, clock, audit, zonaWaktu: org.zonaWaktu, pekerjaan });
  const logHarian = createLogHarianService({ db, clock, audit, realisasi, pengaturan, kehadiran });
  const progresHarian = createProgresHarianService({ db, clock, audit, realisasi, kehadiran, pengaturan });
  const tokenApi = createTokenApiService({ db, clock, audit });
  const apiV1 = createApiV1Service({ db, clock, impor, kehadiran, zonaWaktu: org.zonaWaktu });

  const kepatuhanHarian = createKepatuhanHarianService({
    db,
    bacaBerat,
    clock,
    jadwal,
    pengaturan,
    kehadiran,
    monitoring,
    realisasi,
  });
  const tpp = createTppService({ db, bacaBerat, clock, audit, jadwal, pekerjaan, kepatuhanHarian });

  registerAccessHooks(
    app,
    auth,
    { ...pegawai, menilaiAtasNama: delegasi.menilaiAtasNama },
    { skp: skp.ownerOf, realisasi: realisasi.ownerOf },
    tokenApi,
  );

  // Read-your-writes (ADR 0024): before a writing request's answer leaves, its user's heavy reads
  // are held on the primary until the replica has replayed past this moment.
  app.addHook('onSend', async (request) => {
    if (request.actor && !METODE_BACA.has(request.method)) database.catatTulis(request.actor.id);
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Layanan'],
        summary: 'Status layanan',
        description:
          'replika: `aktif` (laporan berat dibaca dari replika), `tertinggal` (tertinggal lebih dari batas, dibaca dari primer), `tidak_tersedia` (tidak dapat dihubungi, dibaca dari primer), `tidak_dipakai` (tanpa DATABASE_REPLICA_URL). lagMs: berapa lama replika belum memiliki WAL yang sudah ada di primer.',
        response: { 200: HealthOut },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, replika: database.keadaanReplika() }),
  );
  if (config.API_DOCS) {
    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
  }

  await app.register(authRoutes(auth, config, sso.urlKeluar));
  await app.register(ssoRoutes(sso, ssoPengaturan, config));
  await app.register(mfaRoutes(mfa));
  await app.register(sesiRoutes(sesi));
  await app.register(pegawaiRoutes(pegawai, auth));
  await app.register(orgRoutes(org));
  await app.register(auditRoutes(audit));
  await app.register(imporRoutes(impor, importGate));
  await app.register(imporNasionalRoutes(imporNasional, importGate));
  await app.register(skpRoutes(skp));
  await app.register(pkRoutes(pk, importGate));
  await app.register(dokumenRoutes(dokumen, config));
  await app.register(pengaturanRoutes(pengaturan));
  await app.register(jadwalRoutes(jadwal));
  await app.register(notifikasiRoutes(notifikasi));
  await app.register(realisasiRoutes(realisasi, idempoten));
  await app.register(masukanRekanRoutes(masukanRekan));
  await app.register(eskalasiRoutes(eskalasi));
  await app.register(delegasiRoutes(delegasi));
  await app.register(inboxRoutes(inbox));
  await app.register(logHarianRoutes(logHarian, idempoten));
  await app.register(kepatuhanHarianRoutes(kepatuhanHarian));
  await app.register(progresHarianRoutes(progresHarian));
  await app.register(realisasiImporRoutes(realisasiImpor, importGate));
  await app.register(dialogRoutes(dialog));
  await app.register(riwayatRoutes(riwayat));
  await app.register(kurvaRoutes(kurva));
  await app.register(monitoringRoutes(monitoring));
  await app.register(evaluasiRoutes(evaluasi));
  await app.register(tppRoutes(tpp));
  await app.register(pekerjaanRoutes(pekerjaan));
  await app.register(angkaKreditRoutes(angkaKredit));
  await app.register(laporanRoutes(laporan));
  await app.register(pppkParuhWaktuRoutes(pppkParuhWaktu));
  await app.register(tindakLanjutRoutes(tindakLanjut));
  await app.register(kehadiranRoutes(kehadiran, importGate));
  await app.register(tokenApiRoutes(tokenApi));
  await app.register(apiV1Routes(apiV1, config));
  await app.register(siasnRoutes(siasn));

  const webRoot = path.resolve(config.WEB_DIST);
  if (existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      maxAge: '1h',
      // The page, the service worker and the manifest are revalidated on every load, so a new
      // release's hashed assets (and its precache list) are picked up at once.
      setHeaders: (reply, file) => {
        if (TANPA_CACHE.has(path.basename(file))) reply.header('cache-control', 'no-cache');
      },
    });
    // Client-side routes: any other GET outside /api gets the single-page app.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Data tidak ditemukan.' } });
      }
      return reply.sendFile('index.html');
    });
  }

  return app;
}
