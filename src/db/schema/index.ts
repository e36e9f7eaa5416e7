export * from './audit.js';
export * from './auth.js';
export * from './jadwal.js';
export * from './notifikasi.js';
export * from './org.js';
export * from './pegawai.js';
export * from './pengaturan.js';
export * from './skp.js';
