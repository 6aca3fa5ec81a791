import { describe, expect, it } from 'vitest';
import { odata, queryString } from './sage300-odata.ts';
import { keyText } from './sage300-resources.ts';

describe('odata filters', () => {
  it('quotes strings and doubles the quotes inside them', () => {
    expect(odata.eq('Email', "o'brien@example.com").text).toBe("Email eq 'o''brien@example.com'");
    expect(odata.eq('Email', "x' or '1' eq '1").text).toBe("Email eq 'x'' or ''1'' eq ''1'");
  });

  it('writes numbers, booleans, null and date-times as S-DEV §4.2 does', () => {
    expect(odata.gt('BalanceDueInCustomerCurrency', 99.99).text).toBe(
      'BalanceDueInCustomerCurrency gt 99.99m',
    );
    expect(odata.eq('OrderUniquifier', 100007).text).toBe('OrderUniquifier eq 100007');
    expect(odata.eq('OnHold', false).text).toBe('OnHold eq false');
    expect(odata.ne('InactiveDate', null).text).toBe('InactiveDate ne null');
    expect(odata.ge('DateLastMaintained', odata.dateTime('2025-06-30T14:00:00+02:00')).text).toBe(
      "DateLastMaintained ge datetime'2025-06-30T12:00:00'",
    );
  });

  it('groups combined filters and builds the documented functions', () => {
    const filter = odata.and(
      odata.eq('A', 'x'),
      odata.or(odata.startsWith('B', "it's"), odata.contains('C', 'y')),
    );
    expect(filter.text).toBe("(A eq 'x') and ((startswith(B,'it''s')) or (substringof('y',C)))");
  });

  it('refuses property names that are not identifiers, and values that are not dates or numbers', () => {
    expect(() => odata.eq('Email eq 1 or Email', 'x')).toThrow('is not a Sage 300 property name');
    expect(() => odata.dateTime('yesterday')).toThrow('is not a date');
    expect(() => odata.eq('Amount', Number.NaN)).toThrow('cannot be compared');
  });

  it('encodes the query with %20 for spaces and readable $ and commas', () => {
    const text = queryString({
      filter: odata.eq('Email', 'a+b@x.com'),
      select: ['A', 'B'],
      top: 100,
      skip: 200,
    });
    expect(text).toBe("$filter=Email%20eq%20'a%2Bb%40x.com'&$select=A,B&$top=100&$skip=200");
    expect(queryString({ top: 5, skip: 0 })).toBe('$top=5');
  });
});

describe('entry keys', () => {
  it('quotes string keys, leaves numbers bare, names composite segments and encodes path characters', () => {
    expect(keyText('1200')).toBe("'1200'");
    expect(keyText(10021638)).toBe('10021638');
    expect(keyText({ BatchRecordType: 'CA', BatchNumber: 65 })).toBe("BatchRecordType='CA',BatchNumber=65");
    expect(keyText("O'BRIEN/1 #2")).toBe("'O''BRIEN%2F1%20%232'");
    expect(() => keyText('  ')).toThrow('cannot be blank');
  });
});
