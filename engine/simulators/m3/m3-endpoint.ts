import type { SimulatorRequest } from '../common/simulator-http.ts';
import type { M3Behaviour } from './m3-behaviour.ts';
import type { M3Input } from './m3-transaction.ts';

// Parsing of `m3api-rest` execute URLs (reference B1):
//   v1: GET {base}/m3api-rest/execute/{PROGRAM}/{TRANSACTION};maxrecs=100;returncols=F1,F2?FIELD=value
//   v2: GET {base}/m3api-rest/v2/execute/{PROGRAM}/{TRANSACTION}?cono=100&maxrecs=0&FIELD=value
// Options come as `;matrix` parameters (the Infor SDK's v1 form) or, lower-case, in the query
// string (v2, developer.infor.com). The simulator accepts both forms on both versions; that v1
// honours query-string options is unverified but harmless. Input fields are the other query
// parameters; names starting with `_` (the SDK's `_rid` cache buster) are ignored.

/**
 * Route pattern for single-transaction calls, with the optional ION API gateway prefix
 * `/{TENANT}/M3` (reference B1: `{iu}/{TENANT}/M3/m3api-rest/v2/execute/...`).
 */
export const EXECUTE_PATH =
  /^(?:\/(?<tenant>[^/]+)\/M3)?\/m3api-rest(?:\/(?<version>v2))?\/execute\/(?<program>[^/;]+)\/(?<transaction>[^/;]+)(?<matrix>;[^/]*)?$/;

/** Route pattern for the v2 bulk POST (reference B1), with the optional ION prefix. */
export const BULK_PATH = /^(?:\/(?<tenant>[^/]+)\/M3)?\/m3api-rest\/v2\/execute$/;

export type M3ApiVersion = 'v1' | 'v2';

/** How a call wants its records shaped. */
export interface M3CallOptions {
  /** 0 = all (reference B1). */
  readonly maxRecords: number;
  /** `returncols`: only these fields, in this order. */
  readonly returnColumns: readonly string[] | undefined;
  readonly excludeEmpty: boolean;
  readonly rightTrim: boolean;
  /** v1 `;metadata=true`: add the `Metadata.Field` list. */
  readonly metadata: boolean;
  /** v2 `extendedresult=true`: echo the input as `results[].parameters`. */
  readonly extendedResult: boolean;
  /** `cono` option, checked against the simulated company. */
  readonly company: string | undefined;
}

export interface M3Call {
  readonly version: M3ApiVersion;
  readonly program: string;
  readonly transaction: string;
  readonly input: M3Input;
  readonly options: M3CallOptions;
}

/** Option names, lower-cased. Accepted but not modelled: divi, lanc, locale, timezone, dateformat, format. */
const OPTION_NAMES: ReadonlySet<string> = new Set([
  ...['maxrecs', 'returncols', 'excludempty', 'excludeempty', 'righttrim', 'metadata', 'extendedresult'],
  ...['cono', 'divi', 'lanc', 'locale', 'timezone', 'dateformat', 'format'],
]);

/** Reads a routed execute request into a call. */
export function parseExecuteCall(request: SimulatorRequest, behaviour: M3Behaviour): M3Call {
  const options = matrixOptions(request.params.matrix ?? '');
  const input: Record<string, string> = {};
  for (const [name, value] of request.query) {
    if (name.startsWith('_')) continue;
    const lower = name.toLowerCase();
    // M3 field names are upper-case; a name with lower-case letters that is an option is one.
    if (name !== name.toUpperCase() && OPTION_NAMES.has(lower)) options.set(lower, value);
    else input[name.toUpperCase()] = value;
  }
  const version: M3ApiVersion = request.params.version === 'v2' ? 'v2' : 'v1';
  return {
    version,
    program: request.params.program ?? '',
    transaction: request.params.transaction ?? '',
    input,
    options: callOptions(options, version, behaviour),
  };
}

/** `;name=value;name2=value2` → lower-case name → value. */
export function matrixOptions(matrix: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const part of matrix.split(';')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = (equals < 0 ? part : part.slice(0, equals)).toLowerCase();
    options.set(name, equals < 0 ? '' : part.slice(equals + 1));
  }
  return options;
}

/** Options from their raw lower-case names, with the defaults of each API version. */
export function callOptions(
  raw: ReadonlyMap<string, string>,
  version: M3ApiVersion,
  behaviour: M3Behaviour,
): M3CallOptions {
  const columns = raw.get('returncols');
  const maxRecords = Number.parseInt(raw.get('maxrecs') ?? '', 10);
  return {
    maxRecords: Number.isInteger(maxRecords) && maxRecords >= 0 ? maxRecords : behaviour.defaultMaxRecords,
    returnColumns: columns ? columns.split(',').map((column) => column.trim().toUpperCase()) : undefined,
    // The Infor SDK spells the v1 matrix parameter `excludempty`; v2 documents `excludeempty`.
    excludeEmpty: flag(raw.get('excludeempty') ?? raw.get('excludempty'), false),
    // v2 right-trims by default (developer.infor.com); v1 per the behaviour setting.
    rightTrim: flag(raw.get('righttrim'), version === 'v2' ? true : behaviour.v1RightTrim),
    metadata: flag(raw.get('metadata'), false),
    extendedResult: flag(raw.get('extendedresult'), false),
    company: raw.get('cono'),
  };
}

function flag(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  return raw.toLowerCase() === 'true';
}
