import type { z } from 'zod';
import { formatJsonPath, valueAt } from './json-path.ts';

type ZodIssue = z.core.$ZodIssue;

/**
 * Whose words to use: `property` for the flow file's own shape (`missing required property "name"`),
 * `parameter` for a node's parameters (`Required parameter "url" is missing`).
 */
export type IssueWording = 'property' | 'parameter';

/** One thing wrong, at a path relative to the value that was checked. */
export interface IssueFinding {
  path: readonly PropertyKey[];
  message: string;
}

/** What was expected and what was found, or a ready-made sentence (refinement messages). */
type Complaint =
  | { kind: 'missing' }
  | { kind: 'mismatch'; expected: string; got: string }
  | { kind: 'text'; text: string };

/**
 * Turns zod issues into plain sentences. Zod's own messages ("Invalid input: expected string,
 * received undefined") are written for developers; analysts read these. `input` is the value that
 * was checked, used to say what was actually found. Unknown keys become one finding each.
 */
export function describeZodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  wording: IssueWording,
): IssueFinding[] {
  const findings: IssueFinding[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        findings.push({ path, message: unknownKeyMessage(path, wording) });
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    findings.push({ path: issue.path, message: word(complaintOf(issue, value), issue.path, wording) });
  }
  return findings;
}

function unknownKeyMessage(path: readonly PropertyKey[], wording: IssueWording): string {
  if (wording === 'parameter') return `Unknown parameter "${formatJsonPath(path)}"`;
  return `unknown property "${String(path.at(-1))}"`;
}

function word(complaint: Complaint, path: readonly PropertyKey[], wording: IssueWording): string {
  if (wording === 'property') {
    if (complaint.kind === 'missing') return `missing required property "${String(path.at(-1))}"`;
    if (complaint.kind === 'mismatch') return `expected ${complaint.expected}, got ${complaint.got}`;
    return complaint.text;
  }
  const parameter = formatJsonPath(path);
  if (complaint.kind === 'missing') return `Required parameter "${parameter}" is missing`;
  if (parameter === '') {
    return complaint.kind === 'mismatch'
      ? `Parameters must be ${complaint.expected}, got ${complaint.got}`
      : complaint.text;
  }
  if (complaint.kind === 'mismatch') {
    return `Parameter "${parameter}" must be ${complaint.expected}, got ${complaint.got}`;
  }
  return `Parameter "${parameter}": ${complaint.text}`;
}

function complaintOf(issue: ZodIssue, value: unknown): Complaint {
  // JSON has no undefined, so an undefined value under a failing check means the key is absent.
  const absentCodes = ['invalid_type', 'invalid_value', 'invalid_union'];
  if (value === undefined && absentCodes.includes(issue.code) && issue.path.length > 0)
    return { kind: 'missing' };
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'mismatch', expected: typeName(issue.expected), got: kindOf(value, issue.expected) };
    case 'invalid_value':
      return { kind: 'mismatch', expected: oneOf(issue.values), got: shortJson(value) };
    case 'too_small':
    case 'too_big':
      return sizeComplaint(issue, value);
    case 'invalid_format':
      return { kind: 'mismatch', expected: formatName(issue.format, issue.pattern), got: shortJson(value) };
    case 'not_multiple_of':
      return { kind: 'mismatch', expected: `a multiple of ${issue.divisor}`, got: shortJson(value) };
    case 'invalid_union':
      return unionComplaint(issue.errors, value);
    default:
      return { kind: 'text', text: issue.message };
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
  null: 'null',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? `a ${expected}`;
}

/** What was found, in the words of the brief: `got string`; numbers show themselves for int checks. */
function kindOf(value: unknown, expected: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (expected === 'int' && typeof value === 'number') return String(value);
  return typeof value;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function oneOf(values: readonly unknown[]): string {
  const listed = values.map((value) => shortJson(value));
  return listed.length === 1 ? (listed[0] ?? '') : `one of ${listed.join(', ')}`;
}

function sizeComplaint(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): Complaint {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string' && small && limit === 1) {
    return { kind: 'mismatch', expected: 'a non-empty string', got: 'an empty string' };
  }
  const bound = issue.exact
    ? 'exactly'
    : issue.inclusive === false
      ? small
        ? 'more than'
        : 'less than'
      : small
        ? 'at least'
        : 'at most';
  const unit =
    issue.origin === 'string'
      ? ' characters'
      : issue.origin === 'array' || issue.origin === 'set'
        ? ' items'
        : '';
  const size =
    typeof value === 'string' || Array.isArray(value) ? `${value.length}${unit}` : shortJson(value);
  return { kind: 'mismatch', expected: `${bound} ${limit}${unit}`, got: size };
}

const FORMAT_NAMES: Record<string, string> = {
  url: 'a valid URL',
  email: 'a valid e-mail address',
  uuid: 'a UUID',
  datetime: 'an ISO 8601 date and time',
  date: 'an ISO 8601 date (YYYY-MM-DD)',
  time: 'an ISO 8601 time',
};

function formatName(format: string, pattern: string | undefined): string {
  if (format === 'regex' && pattern !== undefined) return `text matching ${pattern}`;
  return FORMAT_NAMES[format] ?? `a valid ${format}`;
}

/** A union fails with one issue list per branch; when each branch names a type, list them. */
function unionComplaint(branches: readonly (readonly ZodIssue[])[], value: unknown): Complaint {
  const expected = new Set<string>();
  for (const branch of branches) {
    const [only] = branch;
    if (branch.length !== 1 || !only || only.path.length > 0) return noBranchMatches();
    if (only.code === 'invalid_type') expected.add(typeName(only.expected));
    else if (only.code === 'invalid_value') expected.add(oneOf(only.values));
    else return noBranchMatches();
  }
  if (expected.size === 0) return noBranchMatches();
  return { kind: 'mismatch', expected: [...expected].join(' or '), got: kindOf(value, '') };
}

function noBranchMatches(): Complaint {
  return { kind: 'text', text: 'the value matches none of the allowed forms' };
}
