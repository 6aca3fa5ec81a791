import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingFunction } from './index.ts';

function run(name: string, ...args: JsonValue[]): JsonValue {
  const definition = mappingFunction(name);
  if (!definition) throw new Error(`no mapping function ${name}`);
  return definition.implementation(...args);
}

const NEW_YORK = 'America/New_York';

// Inputs that are not dates, in any function and with or without a time zone.
const NOT_DATES: JsonValue[] = [
  '',
  '   ',
  null,
  'garbage',
  true,
  {},
  [],
  2.5,
  0,
  '0',
  '2024-02-30',
  '2023-02-29T10:00:00',
  '02/30/2024',
  '20240230',
  '2024-13-01',
  '13/01/2024',
  '2024-05-14T25:00:00',
  '05/14/2024 13:00 PM',
  '05/14/2024 0:30 AM',
  '2024-05',
  '2024-W20-2',
];

describe.each([
  'date.storeLocalToInstant',
  'date.instantToStoreLocal',
  'date.toIsoDate',
  'date.toSageDateTime',
  'date.toM3',
  'date.toUsDate',
])('%s', (name) => {
  it.each(NOT_DATES.map((value) => [value]))('gives null for %j', (value) => {
    expect(run(name, value, NEW_YORK)).toBeNull();
  });

  it.each([['Mars/Base'], ['EST5EDT-ish'], [5], [''], [true], ['UTC+99']])(
    'throws for time zone %j',
    (zone) => {
      expect(() => run(name, '2024-05-14T09:30:00', zone)).toThrow(
        expect.objectContaining({ code: 'MAPPING_FUNCTION_FAILED' }),
      );
    },
  );
});

describe('date.storeLocalToInstant', () => {
  it.each([
    ['2024-05-14T09:30:00', NEW_YORK, '2024-05-14T13:30:00Z'],
    ['2024-01-14T09:30:00', NEW_YORK, '2024-01-14T14:30:00Z'],
    // 02:30 does not exist on the spring-forward night; it moves on to 03:30 EDT.
    ['2024-03-10T02:30:00', NEW_YORK, '2024-03-10T07:30:00Z'],
    // 01:30 happens twice on the fall-back night; the standard-time one is taken.
    ['2024-11-03T01:30:00', NEW_YORK, '2024-11-03T06:30:00Z'],
    ['2024-05-14T09:30:00', 'Europe/Berlin', '2024-05-14T07:30:00Z'],
    ['2024-05-14T09:30:00', 'UTC-5', '2024-05-14T14:30:00Z'],
    ['2024-05-14T09:30:00', 'utc+05:30', '2024-05-14T04:00:00Z'],
    ['2024-05-14T09:30:00.250', 'UTC', '2024-05-14T09:30:00.250Z'],
    ['2024-05-14T09:30:00Z', NEW_YORK, '2024-05-14T09:30:00Z'],
    ['2024-05-14T09:30:00+02:00', NEW_YORK, '2024-05-14T07:30:00Z'],
    ['05/14/2024 09:30:00', NEW_YORK, '2024-05-14T13:30:00Z'],
    ['2024-05-14', NEW_YORK, '2024-05-14T04:00:00Z'],
  ])('%s in %s → %s', (value, zone, expected) => {
    expect(run('date.storeLocalToInstant', value, zone)).toBe(expected);
  });

  it.each([[null], [undefined]])('throws when the time zone is %j', (zone) => {
    expect(() => run('date.storeLocalToInstant', '2024-05-14T09:30:00', zone ?? null)).toThrow(/timeZone/);
  });
});

describe('date.instantToStoreLocal', () => {
  it.each([
    ['2024-05-14T13:30:00Z', NEW_YORK, '2024-05-14T09:30:00'],
    ['2024-05-14T13:30:00+02:00', NEW_YORK, '2024-05-14T07:30:00'],
    ['2024-01-01T02:00:00Z', 'America/Los_Angeles', '2023-12-31T18:00:00'],
    ['2024-05-14T13:30:00Z', 'UTC-5', '2024-05-14T08:30:00'],
    // No offset: taken as UTC.
    ['2024-05-14T13:30:00', NEW_YORK, '2024-05-14T09:30:00'],
    // A calendar date stays on its day.
    ['2024-05-14', NEW_YORK, '2024-05-14T00:00:00'],
    ['20240514', NEW_YORK, '2024-05-14T00:00:00'],
  ])('%s in %s → %s', (value, zone, expected) => {
    expect(run('date.instantToStoreLocal', value, zone)).toBe(expected);
  });

  it('round-trips with storeLocalToInstant', () => {
    const instant = run('date.storeLocalToInstant', '2024-07-04T23:59:59', 'America/Chicago');
    expect(run('date.instantToStoreLocal', instant, 'America/Chicago')).toBe('2024-07-04T23:59:59');
  });
});

describe('date.toIsoDate', () => {
  it.each([
    [['05/14/2024'], '2024-05-14'],
    [['5/4/2024'], '2024-05-04'],
    [['9/14/2013 3:21:09 PM'], '2013-09-14'],
    [['20240514'], '2024-05-14'],
    [[20240514], '2024-05-14'],
    [['2024-05-14T00:00:00Z'], '2024-05-14'],
    [['2024-05-14 10:00:00'], '2024-05-14'],
    [['2024-02-29'], '2024-02-29'],
    [['2024-05-14T02:00:00Z', 'America/Chicago'], '2024-05-13'],
    // Wall-clock values are never shifted, even with a zone.
    [['2024-05-14T02:00:00', 'America/Chicago'], '2024-05-14'],
  ])('%j → %s', (args, expected) => {
    expect(run('date.toIsoDate', ...args)).toBe(expected);
  });
});

describe('date.toSageDateTime', () => {
  it.each([
    [['05/14/2024 3:21:09 PM'], '2024-05-14T15:21:09'],
    [['5/14/2024 12:05:34 AM'], '2024-05-14T00:05:34'],
    [['5/14/2024 12:05:34 PM'], '2024-05-14T12:05:34'],
    [['04/18/2024 18:44'], '2024-04-18T18:44:00'],
    [['2024-05-14'], '2024-05-14T00:00:00'],
    [['20240514'], '2024-05-14T00:00:00'],
    [['2024-05-14T13:30:00Z', NEW_YORK], '2024-05-14T09:30:00'],
    [['2024-05-14T13:30:00Z'], '2024-05-14T13:30:00'],
  ])('%j → %s', (args, expected) => {
    expect(run('date.toSageDateTime', ...args)).toBe(expected);
  });
});

describe('date.toM3', () => {
  it.each([
    [['2024-05-14T09:30:00'], '20240514'],
    [['05/14/2024'], '20240514'],
    [['5/4/2024 3:21:09 PM'], '20240504'],
    [['20240514'], '20240514'],
    [[20240514], '20240514'],
    [['2024-05-14'], '20240514'],
    [['2024-05-15T03:30:00Z', NEW_YORK], '20240514'],
    [['2024-05-15T03:30:00Z'], '20240515'],
    [['2024-05-14T23:30:00-04:00'], '20240514'],
    [['2024-02-29'], '20240229'],
  ])('%j → %s', (args, expected) => {
    expect(run('date.toM3', ...args)).toBe(expected);
  });
});

describe('date.toUsDate', () => {
  it.each([
    [['2024-05-14T00:00:00'], '05/14/2024'],
    [['2024-05-14'], '05/14/2024'],
    [['20240514'], '05/14/2024'],
    [['5/4/2024'], '05/04/2024'],
    [['2024-05-14T02:00:00Z', NEW_YORK], '05/13/2024'],
  ])('%j → %s', (args, expected) => {
    expect(run('date.toUsDate', ...args)).toBe(expected);
  });
});
