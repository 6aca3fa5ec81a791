import type { SimulatorResponse } from '../common/simulator-http.ts';
import { errorResponse } from './sage300-errors.ts';

// HTTP Basic with a Sage 300 user ID and password, signed on to the company in the URL (erp-apis.md
// A2, S-DEV §2.2); the user needs Web API rights per module (S-PHP README).

/** A Sage 300 user of the simulator. */
export interface Sage300User {
  /** User ID; Sage user IDs are upper-case and compared without regard to case [U]. */
  readonly user: string;
  readonly password: string;
  /** Companies (org IDs) the user may sign on to. */
  readonly companies: readonly string[];
  /** Modules with Web API rights (`AR`, `OE`, ...); all modules when absent. */
  readonly modules?: readonly string[];
}

/** One user and company to sign on with, as `credentials()` lists them. */
export interface Sage300Credential {
  readonly company: string;
  readonly user: string;
  readonly password: string;
}

export type SignOnResult = { readonly user: Sage300User } | { readonly failure: SimulatorResponse };

const CHALLENGE = { 'www-authenticate': 'Basic realm="Sage300WebApi"' };
const CACHE_LIMIT = 1_000;

function unauthorized(message: string): { failure: SimulatorResponse } {
  return { failure: errorResponse('Unauthorized', message, CHALLENGE) };
}

/** Checks Basic credentials per company; decoded headers are cached so repeated requests stay cheap. */
export class Sage300SignOn {
  readonly #users: ReadonlyMap<string, Sage300User>;
  readonly #decoded = new Map<string, Sage300User | string>();

  constructor(users: readonly Sage300User[]) {
    this.#users = new Map(users.map((user) => [user.user.toUpperCase(), user]));
  }

  /**
   * Signs on to a company. A wrong password, an unknown company and a company the user may not
   * use all answer 401 Unauthorized [U: Sage's code for a refused company is not documented].
   */
  signOn(authorization: string | undefined, company: string): SignOnResult {
    if (authorization === undefined) return unauthorized('Authorization: Basic credentials are required.');
    const user = this.#identify(authorization);
    if (typeof user === 'string') return unauthorized(user);
    const upperCompany = company.toUpperCase();
    if (!user.companies.some((allowed) => allowed.toUpperCase() === upperCompany)) {
      return unauthorized(`User ${user.user} cannot sign on to company ${company}.`);
    }
    return { user };
  }

  #identify(authorization: string): Sage300User | string {
    const cached = this.#decoded.get(authorization);
    if (cached !== undefined) return cached;
    const identified = this.#decode(authorization);
    if (this.#decoded.size >= CACHE_LIMIT) this.#decoded.clear();
    this.#decoded.set(authorization, identified);
    return identified;
  }

  #decode(authorization: string): Sage300User | string {
    const [scheme, encoded] = authorization.trim().split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'basic' || !encoded) return 'Authorization must use the Basic scheme.';
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return 'Basic credentials must be USER:PASSWORD in base64.';
    const user = this.#users.get(decoded.slice(0, separator).toUpperCase());
    if (user === undefined || user.password !== decoded.slice(separator + 1)) {
      return 'The user ID or password is incorrect.';
    }
    return user;
  }
}

/** Whether the user has Web API rights for a module; 403 Forbidden otherwise (A5). */
export function moduleForbidden(user: Sage300User, module: string): SimulatorResponse | undefined {
  if (user.modules === undefined || user.modules.includes(module)) return undefined;
  return errorResponse('Forbidden', `User ${user.user} has no Web API rights for module ${module}.`);
}
