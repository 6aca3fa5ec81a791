import type { M3CallOptions } from './m3-endpoint.ts';
import { fieldInfo } from './m3-fields.ts';
import type { M3Record } from './m3-store.ts';

/**
 * Applies `maxrecs` (0 = all), `returncols` (only those fields, in that order; unknown names are
 * skipped, unverified), `excludeempty` and right-trimming: untrimmed alpha values are padded
 * with blanks to the field length, as v1 answers "may be right-padded" (reference B3).
 */
export function shapeRecords(records: readonly M3Record[], options: M3CallOptions): M3Record[] {
  const limited = options.maxRecords > 0 ? records.slice(0, options.maxRecords) : records;
  return limited.map((record) => shapeRecord(record, options));
}

function shapeRecord(record: M3Record, options: M3CallOptions): M3Record {
  const shaped: M3Record = {};
  for (const name of options.returnColumns ?? Object.keys(record)) {
    const value = record[name];
    if (value === undefined || (options.excludeEmpty && value === '')) continue;
    shaped[name] = options.rightTrim ? value : padded(name, value);
  }
  return shaped;
}

function padded(name: string, value: string): string {
  const info = fieldInfo(name);
  return info?.type === 'A' && value.length < info.length ? value.padEnd(info.length) : value;
}
