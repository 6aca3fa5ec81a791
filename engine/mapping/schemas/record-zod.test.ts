import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { formatJsonPath } from '../../flow/json-path.ts';
import { MAPPING_SCHEMAS } from './mapping-schemas.ts';
import type { RecordSchema, UnknownFieldPolicy } from './record-schema.ts';
import { order, VIOLATIONS } from './record-violations.fixture.ts';
import { toZod } from './record-zod.ts';
import { SAGE_CUSTOMER_E3, SAGE_ORDER_E1 } from './reference-examples.fixture.ts';
import { SAGE300_AR_CUSTOMER } from './sage300-ar-customer.schema.ts';
import { SAGE300_OE_ORDER } from './sage300-oe-order.schema.ts';
import { validateRecord } from './validate-record.ts';

/** The distinct paths zod complains about, one per unknown key as validateRecord reports them. */
function zodPaths(issues: readonly z.core.$ZodIssue[]): string[] {
  const paths = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => formatJsonPath([...issue.path, key]))
      : [formatJsonPath(issue.path)],
  );
  return [...new Set(paths)].sort();
}

/** Both checks on one input: they must agree on success and on where the problems are. */
function expectAgreement(schema: RecordSchema, record: unknown, unknownFields?: UnknownFieldPolicy): void {
  const options = unknownFields === undefined ? {} : { unknownFields };
  const problems = validateRecord(schema, record, options);
  const parsed = toZod(schema, options).safeParse(record);
  expect(parsed.success).toBe(problems.length === 0);
  const expected = [...new Set(problems.map((problem) => problem.path))].sort();
  expect(parsed.success ? [] : zodPaths(parsed.error.issues)).toEqual(expected);
}

const MANY_PROBLEMS = order((draft) => {
  delete draft.CustomerNumber;
  draft.OrderDate = '14/05/2024';
  draft.TermsCodes = 'N30';
  Object.assign(draft.OrderDetails[0] ?? {}, { LineType: 'Service', QuantityOrdered: '2' });
  draft.OrderDetails.push({ LineType: 'Item' }, { LineType: 'Miscellaneous', ExtendedAmount: 'free' });
});

describe('toZod agrees with validateRecord', () => {
  it.each(VIOLATIONS)('%s', (_what, schema, record) => expectAgreement(schema, record));

  it('on a record with many problems, including conditional requirements', () => {
    expectAgreement(SAGE300_OE_ORDER, MANY_PROBLEMS);
  });

  it('on blank, null and non-object inputs', () => {
    expectAgreement(SAGE300_AR_CUSTOMER, { ...SAGE_CUSTOMER_E3, Email: '  ', InactiveDate: null });
    expectAgreement(SAGE300_AR_CUSTOMER, { ...SAGE_CUSTOMER_E3, GroupCode: '' });
    expectAgreement(SAGE300_OE_ORDER, [SAGE_ORDER_E1]);
    expectAgreement(
      SAGE300_OE_ORDER,
      order((draft) => Object.assign(draft, { OrderDetails: ['x'] })),
    );
  });

  it('under both unknown-field policies', () => {
    const record = { ...SAGE_CUSTOMER_E3, PrintStatements: true };
    expectAgreement(SAGE300_AR_CUSTOMER, record, 'reject');
    expectAgreement(SAGE300_AR_CUSTOMER, record, 'allow');
  });

  it.each(MAPPING_SCHEMAS.map((schema) => [schema.id, schema] as const))('on an empty %s', (_id, schema) => {
    expectAgreement(schema, {});
  });
});

describe('toZod', () => {
  it('exports to JSON Schema with widths, enums and patterns for the editor', () => {
    const json = JSON.stringify(toZod(SAGE300_OE_ORDER).toJSONSchema());
    expect(json).toContain('"maxLength":22');
    expect(json).toContain('"Miscellaneous"');
    expect(JSON.stringify(toZod(SAGE300_AR_CUSTOMER).toJSONSchema())).toContain('"pattern"');
  });
});
