import { z } from 'zod';
import { ApiError, type ResultRow, resultRow } from './threedcart-responses.ts';

/**
 * One element of a write that takes several items: its failure becomes its own result row
 * (Key "Error") instead of failing the request, so the answer can be a 206 (§7).
 */
export function writeRow(write: () => ResultRow): ResultRow {
  try {
    return write();
  } catch (thrown) {
    if (thrown instanceof ApiError) return resultRow('Error', '', thrown.status, thrown.message);
    if (thrown instanceof z.ZodError) return resultRow('Error', '', 400, invalidMessage(thrown.issues));
    throw thrown;
  }
}

/** The first validation problem, for a result row's Message. */
export function invalidMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  return first ? `Invalid ${first.path.map(String).join('.') || 'body'}: ${first.message}` : 'Invalid body';
}
