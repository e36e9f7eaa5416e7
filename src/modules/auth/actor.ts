/** Who is making a request: the logged-in employee with administrative roles. */
import type { Peran } from '../../domain/jabatan.js';

export interface Actor {
  id: number;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  instansiId: number;
  opdId: number | null;
  mustChangePassword: boolean;
  roles: { peran: Peran; opdId: number | null }[];
}

/**
 * Scopes a route may grant (ARCHITECTURE: declared on every route, enforced on the server).
 * 'delegasi': the actor holds today a delegation of assessment from the employee's pejabat penilai.
 */
export type Scope = 'self' | 'bawahan_langsung' | 'bawahan' | 'opd' | 'instansi' | 'tim_penilai' | 'delegasi';

export type Access =
  | 'public'
  | 'authenticated'
  /**
   * The route's :id is a pegawai (or, with `of`, a record owned by one); the actor must relate to
   * that employee through one of the scopes.
   */
  | { readonly pegawai: readonly Scope[]; readonly of?: 'skp' | 'realisasi' }
  /** A route over many employees; the actor needs one of these roles and the service narrows the data. */
  | { readonly role: readonly ('opd' | 'instansi' | 'tim_penilai')[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}
