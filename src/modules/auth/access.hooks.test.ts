import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAccessHooks } from './access.hooks.js';
import type { AuthService } from './auth.service.js';

const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('not called at registration')) });

describe('route access declaration', () => {
  it('refuses an /api route without config.access when it is added', async () => {
    const app = Fastify();
    registerAccessHooks(app, unused as AuthService, unused as never, unused as never);
    app.get('/api/dinyatakan', { config: { access: 'public' } }, async () => ({}));
    expect(() => app.get('/api/lupa-deklarasi', async () => ({}))).toThrow(
      /tidak mendeklarasikan config.access/,
    );
    await app.close();
  });
});
