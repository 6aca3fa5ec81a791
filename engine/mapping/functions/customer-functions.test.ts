import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingFunction } from './index.ts';

function run(name: string, ...args: JsonValue[]): JsonValue {
  const definition = mappingFunction(name);
  if (!definition) throw new Error(`no mapping function ${name}`);
  return definition.implementation(...args);
}

describe('customer.dedupeKey', () => {
  it.each<[string, JsonValue[], string | null]>([
    [
      'e-mail trimmed and lower-cased',
      [' Jane.Doe@Example.COM ', 'Jane Doe', '78701'],
      'email:jane.doe@example.com',
    ],
    [
      'Gmail dots and +tag kept by default',
      ['Jane.Doe+shop@gmail.com', null, null],
      'email:jane.doe+shop@gmail.com',
    ],
    [
      'Gmail folded when asked',
      ['Jane.Doe+shop@GoogleMail.com', null, null, true],
      'email:janedoe@gmail.com',
    ],
    [
      'other domains never folded',
      ['jane.doe+x@example.com', null, null, true],
      'email:jane.doe+x@example.com',
    ],
    [
      'name parts and postal code',
      ['', ['José', 'García-Núñez'], 'k1a 0b1'],
      'name:jose garcia nunez|k1a0b1',
    ],
    ['punctuation and accents dropped', [null, "  O'Brien,  Seán ", '02134'], 'name:obrien sean|02134'],
    ['same person, other spelling', [null, 'JOSE GARCIA', '10115'], 'name:jose garcia|10115'],
    ['special letters spelled out', [null, 'Jörg Straße', 'D-10115'], 'name:jorg strasse|d10115'],
    ['not an address falls back to the name', ['not an email', 'Ann Lee', '12345'], 'name:ann lee|12345'],
    ['e-mail of the wrong type falls back', [12345, 'Ann Lee', '12345'], 'name:ann lee|12345'],
    ['null name parts skipped', [null, [null, 'Lee'], '12345'], 'name:lee|12345'],
    ['no postal code', [null, 'Ann Lee', null], null],
    ['blank postal code', [null, 'Ann Lee', ' - '], null],
    ['postal code of the wrong type', [null, 'Ann', 12345], null],
    ['no name', [null, null, '12345'], null],
    ['name of punctuation only', [null, '!!!', '12345'], null],
    ['name of the wrong type', [null, 42, '12345'], null],
    ['nothing at all', [null, null, null], null],
    ['all empty', ['', '', ''], null],
  ])('%s: %j → %s', (_case, args, expected) => {
    expect(run('customer.dedupeKey', ...args)).toBe(expected);
  });

  it('throws when foldGmail is not a boolean', () => {
    expect(() => run('customer.dedupeKey', 'a@gmail.com', null, null, 'yes')).toThrow(
      expect.objectContaining({ code: 'MAPPING_FUNCTION_FAILED' }),
    );
  });
});
