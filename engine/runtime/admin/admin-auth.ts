import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The admin API's bearer tokens. `readOnly` may look (flows, runs, dead letters, queue);
 * `operator` may also act (replay, discard). With neither set the admin API does not exist (404).
 */
export interface AdminTokens {
  readOnly?: string | undefined;
  operator?: string | undefined;
}

/** What a request needs: to look, or to act. */
export type AdminAccess = 'read' | 'operate';

/** The verdict on a request's credentials: allowed, or the HTTP status and reason to refuse with. */
export type AccessVerdict = { allowed: true } | { allowed: false; status: 401 | 403 | 404; message: string };

/** Whether any token is configured, i.e. whether the admin API is served at all. */
export function adminEnabled(tokens: AdminTokens): boolean {
  return Boolean(tokens.readOnly) || Boolean(tokens.operator);
}

/** Checks an `Authorization: Bearer <token>` header against the tokens for `access`. */
export function checkAdminAccess(
  tokens: AdminTokens,
  authorization: string | undefined,
  access: AdminAccess,
): AccessVerdict {
  if (!adminEnabled(tokens)) {
    return { allowed: false, status: 404, message: 'The admin API is disabled: no admin token is set' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const presented = match?.[1];
  if (presented === undefined) {
    return {
      allowed: false,
      status: 401,
      message: 'Send the admin token as "Authorization: Bearer <token>"',
    };
  }
  if (sameToken(presented, tokens.operator)) return { allowed: true };
  if (sameToken(presented, tokens.readOnly)) {
    return access === 'read'
      ? { allowed: true }
      : {
          allowed: false,
          status: 403,
          message: 'The read-only admin token cannot do this; use the operator token',
        };
  }
  return { allowed: false, status: 401, message: 'The admin token is not valid' };
}

/** Compares digests in constant time, so response timing does not reveal how much of a token matched. */
function sameToken(presented: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
