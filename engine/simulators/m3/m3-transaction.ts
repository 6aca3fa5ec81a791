import type { M3Behaviour } from './m3-behaviour.ts';
import { M3Error } from './m3-errors.ts';
import { validateInputFields } from './m3-fields.ts';
import type { M3Record, M3Store } from './m3-store.ts';

/** Input fields of one transaction call, names upper-case, values as sent. */
export type M3Input = Readonly<Record<string, string>>;

/** What a transaction may use besides its input. */
export interface M3Context {
  readonly store: M3Store;
  /** CONO of the simulated company. */
  readonly company: string;
  /** DIVI of the simulated division. */
  readonly division: string;
  readonly behaviour: M3Behaviour;
  /** Today as YYYYMMDD, from the injected clock. */
  today(): string;
}

/** One MI transaction: its mandatory inputs and what it does. Throws {@link M3Error} to refuse. */
export interface M3Transaction {
  readonly mandatory: readonly string[];
  execute(input: M3Input, context: M3Context): M3Record[];
}

/** An MI program: transaction name → transaction. */
export type M3Program = Readonly<Record<string, M3Transaction>>;

/** MI programs by name, each a map of its transactions. */
export type M3ProgramTable = ReadonlyMap<string, ReadonlyMap<string, M3Transaction>>;

export function programTable(programs: Readonly<Record<string, M3Program>>): M3ProgramTable {
  return new Map(Object.entries(programs).map(([name, program]) => [name, new Map(Object.entries(program))]));
}

/** One transaction call, whichever endpoint it came through. */
export interface M3Invocation {
  readonly program: string;
  readonly transaction: string;
  readonly input: M3Input;
  /** `cono` matrix/query/body option, if given. */
  readonly company: string | undefined;
}

export type M3Outcome = { readonly records: M3Record[] } | { readonly error: M3Error };

/** Runs a transaction the way M3 does: find it, check company, mandatory fields and values, execute. */
export function runTransaction(
  programs: M3ProgramTable,
  invocation: M3Invocation,
  context: M3Context,
): M3Outcome {
  try {
    const transaction = programs.get(invocation.program)?.get(invocation.transaction);
    if (transaction === undefined) {
      throw M3Error.transactionNotFound(invocation.program, invocation.transaction);
    }
    const company = invocation.input.CONO || invocation.company;
    if (company !== undefined && company !== '' && Number(company) !== Number(context.company)) {
      throw M3Error.notAuthorizedForCompany(company);
    }
    for (const field of transaction.mandatory) {
      if ((invocation.input[field] ?? '').trim() === '') throw M3Error.mandatoryFieldMissing(field);
    }
    validateInputFields(invocation.input, context.behaviour.enforceFieldLengths);
    return { records: transaction.execute(invocation.input, context) };
  } catch (thrown) {
    if (thrown instanceof M3Error) return { error: thrown };
    throw thrown;
  }
}

/** An input value without trailing blanks, or empty. */
export function value(input: M3Input, field: string): string {
  return (input[field] ?? '').trimEnd();
}

/** The named fields of a record, in the given order, blank where the record has none. */
export function pickFields(record: M3Record, fields: readonly string[]): M3Record {
  const picked: M3Record = {};
  for (const field of fields) picked[field] = record[field] ?? '';
  return picked;
}
