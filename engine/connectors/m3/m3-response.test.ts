import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { readM3Body } from './m3-response.ts';

describe('readM3Body', () => {
  it('reads v2 records as trimmed text', () => {
    const body = {
      results: [
        {
          transaction: 'GetBasicData',
          records: [{ CUNO: 'TMPLWEB   ', CUNM: 'Web', STAT: 20, FLAG: true, X: null }],
        },
      ],
      wasTerminated: false,
      nrOfFailedTransactions: 0,
    };
    expect(readM3Body(body)).toEqual({
      records: [{ CUNO: 'TMPLWEB', CUNM: 'Web', STAT: '20', FLAG: 'true', X: '' }],
    });
  });

  it('reads a v2 refusal from the failing result with its type, code and field', () => {
    const body: JsonValue = {
      results: [
        { records: [] },
        {
          errorMessage: 'Customer   XX  does not exist',
          errorType: 'ServerReturnedNOK',
          errorCode: 'WCU0203',
          errorField: 'CUNO',
        },
      ],
    };
    expect(readM3Body(body)).toEqual({
      failure: {
        type: 'ServerReturnedNOK',
        code: 'WCU0203',
        field: 'CUNO',
        message: 'Customer XX does not exist',
      },
    });
  });

  it('reads a v2 error at the top level and a terminated call without message', () => {
    expect(readM3Body({ results: [], errorMessage: 'Bad input', errorCode: 'X1' })).toEqual({
      failure: { type: undefined, code: 'X1', field: undefined, message: 'Bad input' },
    });
    expect(readM3Body({ results: [{ records: [] }], nrOfFailedTransactions: 1 })).toEqual({
      failure: {
        type: undefined,
        code: undefined,
        field: undefined,
        message: 'M3 reported a failed transaction without a message',
      },
    });
    expect(readM3Body({ results: [], wasTerminated: true, terminationReason: 'Timed   out' })).toMatchObject({
      failure: { message: 'Timed out' },
    });
  });

  it('reads v1 NameValue records and v1 errors, nested or at the top level', () => {
    const records = {
      MIRecord: [
        {
          NameValue: [
            { Name: 'CUNO', Value: 'A1   ' },
            { Name: 'CUNM', Value: null },
          ],
        },
      ],
    };
    expect(readM3Body(records)).toEqual({ records: [{ CUNO: 'A1', CUNM: '' }] });
    expect(
      readM3Body({ Message: 'Record does not exist', '@type': 'ServerReturnedNOK', '@code': 'WCU0203' }),
    ).toEqual({
      failure: {
        type: 'ServerReturnedNOK',
        code: 'WCU0203',
        field: undefined,
        message: 'Record does not exist',
      },
    });
    expect(
      readM3Body({ ...records, ErrorMessage: { Message: 'Stopped at row 2', '@field': 'ITNO' } }),
    ).toEqual({
      failure: { type: undefined, code: undefined, field: 'ITNO', message: 'Stopped at row 2' },
    });
    expect(readM3Body({ ...records, ErrorMessage: null })).toEqual({ records: [{ CUNO: 'A1', CUNM: '' }] });
    expect(readM3Body({ MIRecord: [] })).toEqual({ records: [] });
  });

  it('calls anything else unreadable, with the start of what came', () => {
    expect(readM3Body('<html>Bad gateway</html>')).toEqual({ unreadable: '<html>Bad gateway</html>' });
    expect(readM3Body('  ')).toEqual({ unreadable: '(empty body)' });
    expect(readM3Body([1, 2])).toEqual({ unreadable: '[1,2]' });
    expect(readM3Body({ results: 'no' })).toHaveProperty('unreadable');
    expect(readM3Body({ results: [{ records: [{ CUNO: { nested: 1 } }] }] })).toHaveProperty('unreadable');
    expect(readM3Body({ results: [{ records: 'x' }] })).toHaveProperty('unreadable');
    expect(readM3Body({ MIRecord: [{ NameValue: [{ Name: 1, Value: 'x' }] }] })).toHaveProperty('unreadable');
    expect(readM3Body({ MIRecord: {} })).toHaveProperty('unreadable');
    expect(readM3Body({ MIRecord: [], ErrorMessage: 'text' })).toHaveProperty('unreadable');
    expect(readM3Body({ Message: { text: 'x' } })).toHaveProperty('unreadable');
  });
});
