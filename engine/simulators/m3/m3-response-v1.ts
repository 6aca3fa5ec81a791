import { json, type SimulatorResponse } from '../common/simulator-http.ts';
import type { M3Behaviour } from './m3-behaviour.ts';
import type { M3Call, M3CallOptions } from './m3-endpoint.ts';
import type { M3Error } from './m3-errors.ts';
import { fieldInfo } from './m3-fields.ts';
import { shapeRecords } from './m3-output.ts';
import type { M3Record } from './m3-store.ts';
import type { M3Outcome } from './m3-transaction.ts';

// v1 response shapes (reference B3, M-ODIN fixtures from KB 2159861):
//   {"Program","Transaction","Metadata":{"Field":[...]},"MIRecord":[{"RowIndex":0,"NameValue":[{"Name","Value"}]}]}
//   error: {"Message","@type","@code","@cfg","@field"} at the top level.

/** Writes a transaction outcome as a v1 response. */
export function v1Response(call: M3Call, outcome: M3Outcome, behaviour: M3Behaviour): SimulatorResponse {
  if ('error' in outcome) return json(behaviour.v1ErrorStatus, v1ErrorBody(outcome.error, call.options));
  const records = shapeRecords(outcome.records, call.options);
  return json(200, {
    Program: call.program,
    Transaction: call.transaction,
    ...(call.options.metadata ? { Metadata: metadata(records[0]) } : {}),
    MIRecord: records.map((record, index) => ({
      RowIndex: index,
      NameValue: Object.entries(record).map(([Name, Value]) => ({ Name, Value })),
    })),
  });
}

/**
 * The v1 error body. Messages come right-padded with blanks unless trimmed ("Designed to fail!   "
 * in the KB fixture), so clients must trim.
 */
export function v1ErrorBody(
  error: M3Error,
  options: Pick<M3CallOptions, 'rightTrim'>,
): Record<string, unknown> {
  return {
    Message: options.rightTrim ? error.message : error.message.padEnd(60),
    '@type': error.type,
    '@code': error.code === '' ? null : error.code,
    '@cfg': null,
    '@field': error.field === '' ? null : error.field,
  };
}

function metadata(record: M3Record | undefined): { Field: Record<string, unknown>[] } {
  return {
    Field: Object.keys(record ?? {}).map((name) => {
      const info = fieldInfo(name);
      return {
        '@name': name,
        '@type': info?.type ?? 'A',
        '@length': info?.length ?? 0,
        '@description': info?.description ?? '',
      };
    }),
  };
}
