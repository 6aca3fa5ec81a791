import { json, type SimulatorResponse } from '../common/simulator-http.ts';
import type { M3Behaviour } from './m3-behaviour.ts';
import type { M3Call, M3CallOptions } from './m3-endpoint.ts';
import type { M3ErrorType } from './m3-errors.ts';
import { shapeRecords } from './m3-output.ts';
import type { M3Record } from './m3-store.ts';
import type { M3Input, M3Outcome } from './m3-transaction.ts';

// v2 response shape (reference B3, E4):
//   {"results":[{"transaction","records":[{...}]}],"wasTerminated":false,
//    "nrOfSuccessfullTransactions":1,"nrOfFailedTransactions":0}
// The misspelling "Successfull" is M3's own and clients depend on it. A failed transaction's
// result carries errorMessage, errorType, errorCode, errorField and empty records.

export interface V2Result {
  readonly transaction: string;
  readonly errorMessage?: string;
  readonly errorType?: M3ErrorType;
  readonly errorCode?: string;
  readonly errorField?: string;
  readonly parameters?: M3Input;
  readonly records: M3Record[];
}

export interface V2Body {
  readonly results: V2Result[];
  readonly wasTerminated: boolean;
  readonly terminationReason?: string;
  readonly nrOfSuccessfullTransactions: number;
  readonly nrOfFailedTransactions: number;
}

/** One transaction's entry in `results`. */
export function v2Result(
  transaction: string,
  input: M3Input,
  outcome: M3Outcome,
  options: M3CallOptions,
): V2Result {
  const parameters = options.extendedResult ? { parameters: input } : {};
  if ('error' in outcome) {
    const { error } = outcome;
    return {
      transaction,
      errorMessage: error.message,
      errorType: error.type,
      ...(error.code === '' ? {} : { errorCode: error.code }),
      ...(error.field === '' ? {} : { errorField: error.field }),
      ...parameters,
      records: [],
    };
  }
  return { transaction, ...parameters, records: shapeRecords(outcome.records, options) };
}

/** The envelope with its counters. */
export function v2Body(results: V2Result[]): V2Body {
  const failed = results.filter((result) => result.errorType !== undefined).length;
  return {
    results,
    wasTerminated: false,
    nrOfSuccessfullTransactions: results.length - failed,
    nrOfFailedTransactions: failed,
  };
}

/** Writes a single-transaction outcome as a v2 response. */
export function v2Response(call: M3Call, outcome: M3Outcome, behaviour: M3Behaviour): SimulatorResponse {
  const body = v2Body([v2Result(call.transaction, call.input, outcome, call.options)]);
  return json('error' in outcome ? behaviour.v2ErrorStatus : 200, body);
}
