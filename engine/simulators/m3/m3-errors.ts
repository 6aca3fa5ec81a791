// M3 transaction errors. The error types are the ones the reference lists (B3): `ServerReturnedNOK`
// for business errors, `TransactionNotFound`, `MandatoryInputFieldNotFound`, `InputFieldTooLong`.
// Message ids: `XIM0002` (customer invalid) and `XAU0008` (not authorised for company) are real
// examples from the reference (B3); every other code here is a placeholder in the same pattern,
// since the real ids are unverified (E4 says "<M3 msg id>").

/** The `@type` (v1) / `errorType` (v2) of an M3 error. */
export type M3ErrorType =
  | 'ServerReturnedNOK'
  | 'TransactionNotFound'
  | 'MandatoryInputFieldNotFound'
  | 'InputFieldTooLong';

/** An error an MI transaction answers with instead of records. */
export class M3Error extends Error {
  readonly type: M3ErrorType;
  /** Message id, e.g. `XIM0002`; empty for the structural error types. */
  readonly code: string;
  /** The field the error is about, empty when none. */
  readonly field: string;

  constructor(type: M3ErrorType, message: string, code = '', field = '') {
    super(message);
    this.name = 'M3Error';
    this.type = type;
    this.code = code;
    this.field = field;
  }

  /** A business rule refused the input (`ServerReturnedNOK`). */
  static refused(code: string, message: string, field = ''): M3Error {
    return new M3Error('ServerReturnedNOK', message, code, field);
  }

  static transactionNotFound(program: string, transaction: string): M3Error {
    return new M3Error('TransactionNotFound', `Transaction ${transaction} does not exist in ${program}`);
  }

  static mandatoryFieldMissing(field: string): M3Error {
    return new M3Error('MandatoryInputFieldNotFound', `Mandatory input field ${field} is missing`, '', field);
  }

  static inputFieldTooLong(field: string, length: number): M3Error {
    return new M3Error(
      'InputFieldTooLong',
      `Input field ${field} is longer than ${length} characters`,
      '',
      field,
    );
  }

  static invalidNumber(field: string, value: string): M3Error {
    return M3Error.refused('WNU0001', `Value ${value} is not numeric`, field);
  }

  static invalidDate(field: string, value: string): M3Error {
    return M3Error.refused('WDT0001', `Date ${value} is invalid (use YYYYMMDD)`, field);
  }

  /** Real message (reference B3): `{"@code":"XAU0008","@field":"CONO",...,"Message":"Not authorized for company 0"}`. */
  static notAuthorizedForCompany(company: string): M3Error {
    return M3Error.refused('XAU0008', `Not authorized for company ${company}`, 'CONO');
  }

  /** Real message id (reference B3): `XIM0002` "Customer number is invalid". */
  static customerInvalid(customerNumber: string, field = 'CUNO'): M3Error {
    return M3Error.refused('XIM0002', `Customer number ${customerNumber} is invalid`, field);
  }

  static itemNotFound(itemNumber: string): M3Error {
    return M3Error.refused('WIT0103', `Item number ${itemNumber} does not exist`, 'ITNO');
  }

  static warehouseNotFound(warehouse: string): M3Error {
    return M3Error.refused('WWH0103', `Warehouse ${warehouse} does not exist`, 'WHLO');
  }

  static itemNotInWarehouse(itemNumber: string, warehouse: string): M3Error {
    return M3Error.refused(
      'WWH0203',
      `Item number ${itemNumber} does not exist in warehouse ${warehouse}`,
      'WHLO',
    );
  }

  static orderNotFound(orderNumber: string): M3Error {
    return M3Error.refused('WOR0103', `Order number ${orderNumber} does not exist`, 'ORNO');
  }
}
