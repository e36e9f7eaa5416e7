/** Who is making a request: the logged-in employee with administrative roles, or an integration token. */
import type { CakupanToken } from '../../contracts/integrasi.js';
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
  /** The session was opened with the password alone while the policy requires a code: enrol first. */
  mustEnrolMfa: boolean;
  roles: { peran: Peran; opdId: number | null }[];
}

/** An external system calling /api/v1 with an API token of one instansi; no employee stands behind it. */
export interface TokenActor {
  id: number;
  instansiId: number;
  nama: string;
  cakupan: CakupanToken[];
}

/**
 * Scopes a route may grant (ARCHITECTURE: declared on every route, enforced on the server).
 * 'delegasi': the actor holds today a delegation of assessment from the employee's pejabat penilai.
 */
export type Scope = 'self' | 'bawahan_langsung' | 'bawahan' | 'opd' | 'instansi' | 'tim_penilai' | 'delegasi';

export type Access =
  | 'public'
  /** Any logged-in employee whose account is in order (no temporary password pending). */
  | 'authenticated'
  /**
   * The own-account routes (profile, password, logout, CSRF, authenticator enrolment, sessions): open
   * to any logged-in employee, also while a temporary password must still be changed or an
   * authenticator must still be enrolled.
   */
  | 'akun'
  /**
   * The route's :id is a pegawai (or, with `of`, a record owned by one); the actor must relate to
   * that employee through one of the scopes.
   */
  | { readonly pegawai: readonly Scope[]; readonly of?: 'skp' | 'realisasi' }
  /** A route over many employees; the actor needs one of these roles and the service narrows the data. */
  | { readonly role: readonly ('opd' | 'instansi' | 'tim_penilai')[] }
  /**
   * An integration route: only `Authorization: Bearer <API token>` with this scope opens it; a
   * session cookie never does, and a token opens no other route.
   */
  | { readonly token: CakupanToken };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** Set on token routes only, once the bearer token is known valid. */
    tokenApi: TokenActor | null;
  }
}
