import { Sage300Failure } from './sage300-errors.ts';

// URL shape `/Sage300WebApi/v1.0/-/{company}/{module}/{resource}[({key})]` (erp-apis.md A1, S-DEV §2.1)
// and entry keys (A3, S-DEV §5): `('1200')`, `(1200)` (quotes optional without spaces), `(10021638)`,
// `(BatchNumber = 65)`, `(BatchRecordType = 'CA', BatchNumber = 65)`, plus `($template)` /
// `('$template')` (S-DEV §11, S-EP) and `($process)` (S-DEV §10).

export interface ResourceAddress {
  readonly company: string;
  readonly module: string;
  /** Resource name, or `$metadata`. */
  readonly resource: string;
  /** Text between the parentheses after the resource, when there are any. */
  readonly keyText: string | undefined;
}

/** One segment of an entry key, positional or named. */
export interface KeyPart {
  readonly name: string | undefined;
  readonly literal: string;
  readonly quoted: boolean;
}

export type KeyTarget = { kind: 'template' } | { kind: 'process' } | { kind: 'key'; parts: KeyPart[] };

const LAST_SEGMENT = /^([^()]+)(?:\((.*)\))?$/s;

/**
 * Splits a Web API path; undefined when it is not one. The application path and version compare
 * case-insensitively (IIS paths do); module and resource names must match exactly [U].
 */
export function parseAddress(path: string): ResourceAddress | undefined {
  const segments = path.split('/');
  if (segments.length !== 7 || segments[0] !== '') return undefined;
  const [, application, version, tenant, company, module, last] = segments;
  if (application?.toLowerCase() !== 'sage300webapi' || version?.toLowerCase() !== 'v1.0') return undefined;
  // The `-` is a fixed tenant slot (A1).
  if (tenant !== '-' || !company || !module || last === undefined) return undefined;
  const match = LAST_SEGMENT.exec(last);
  if (!match?.[1]) return undefined;
  return { company, module, resource: match[1], keyText: match[2] };
}

function invalidKey(text: string, why: string): Sage300Failure {
  return new Sage300Failure('InvalidEntityKey', `The entity key '(${text})' is not valid: ${why}.`);
}

/** Reads the text inside the parentheses after a resource name. */
export function parseKeyText(text: string): KeyTarget {
  const trimmed = text.trim();
  if (trimmed === '$template' || trimmed === "'$template'") return { kind: 'template' };
  if (trimmed === '$process' || trimmed === "'$process'") return { kind: 'process' };
  const parts: KeyPart[] = [];
  let at = 0;
  while (at <= text.length) {
    const [part, next] = readPart(text, at);
    parts.push(part);
    at = skipSpaces(text, next);
    if (at >= text.length) break;
    if (text[at] !== ',') throw invalidKey(text, `unexpected '${text[at]}' at position ${at + 1}`);
    at++;
  }
  return { kind: 'key', parts };
}

function skipSpaces(text: string, at: number): number {
  let index = at;
  while (text[index] === ' ') index++;
  return index;
}

const NAME_BEFORE_EQUALS = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/y;

function readPart(text: string, at: number): [KeyPart, number] {
  NAME_BEFORE_EQUALS.lastIndex = at;
  const named = NAME_BEFORE_EQUALS.exec(text);
  const name = named?.[1];
  const start = skipSpaces(text, named ? NAME_BEFORE_EQUALS.lastIndex : at);
  if (text[start] === "'") {
    let literal = '';
    let index = start + 1;
    while (index < text.length) {
      if (text[index] === "'") {
        if (text[index + 1] !== "'") return [{ name, literal, quoted: true }, index + 1];
        index++;
      }
      literal += text[index];
      index++;
    }
    throw invalidKey(text, 'unterminated quoted value');
  }
  let end = start;
  while (end < text.length && text[end] !== ',' && text[end] !== ' ' && text[end] !== "'") end++;
  if (end === start) throw invalidKey(text, 'a key value is missing');
  return [{ name, literal: text.slice(start, end), quoted: false }, end];
}
