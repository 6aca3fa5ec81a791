import { M3Error } from './m3-errors.ts';
import { isM3Date, isM3Numeric } from './m3-values.ts';

/** M3 field types: `A` alpha, `N` numeric, `D` date (reference B4). */
export type M3FieldType = 'A' | 'N' | 'D';

/** What the v1 `Metadata.Field` entries say about a field. */
export interface M3FieldInfo {
  readonly name: string;
  readonly type: M3FieldType;
  readonly length: number;
  readonly description: string;
}

type FieldRow = readonly [M3FieldType, number, string];

// Lengths tagged B4 come from the reference; those tagged H5 from the generated M3 metadata the
// reference cites (M-H5 `CRS610MI/GetBasicDataResponse.cs`, `OIS100MI/LstErrMsgOrderResponse.cs`);
// the rest are the usual M3 lengths, unverified. Dates are D with length 10, as M-H5 lists them.
const FIELD_ROWS: Readonly<Record<string, FieldRow>> = {
  CONO: ['N', 3, 'Company'], // B4
  DIVI: ['A', 3, 'Division'], // B4
  LNCD: ['A', 2, 'Language'], // H5
  CUNO: ['A', 10, 'Customer number'], // B4
  CUTM: ['A', 10, 'Template customer'],
  CUNM: ['A', 36, 'Customer name'], // H5
  CUA1: ['A', 36, 'Customer address 1'], // H5
  CUA2: ['A', 36, 'Customer address 2'], // H5
  CUA3: ['A', 36, 'Customer address 3'], // H5
  CUA4: ['A', 36, 'Customer address 4'], // H5
  PONO: ['A', 10, 'Postal code'], // H5
  PHNO: ['A', 16, 'Telephone number 1'], // H5
  PHN2: ['A', 16, 'Telephone number 2'], // H5
  TFNO: ['A', 16, 'Facsimile number'], // H5
  CUTP: ['N', 1, 'Customer type'], // H5
  ALCU: ['A', 10, 'Search key'], // H5
  YREF: ['A', 30, 'Your reference 1'], // H5
  YRE2: ['A', 30, 'Your reference 2'], // H5
  MAIL: ['A', 50, 'E-mail address'], // B4
  CSCD: ['A', 3, 'Country code'], // H5
  ECAR: ['A', 2, 'Area/state'], // H5
  STAT: ['A', 2, 'Status'], // B4
  TOWN: ['A', 20, 'City'], // H5
  CUCD: ['A', 3, 'Currency'], // H5
  LMDT: ['D', 10, 'Change date'],
  RGDT: ['D', 10, 'Entry date'],
  ERRM: ['A', 132, 'Error message'],
  SQRY: ['A', 1024, 'Search query'],
  ORTP: ['A', 3, 'Customer order type'], // B4
  FACI: ['A', 3, 'Facility'], // B4
  WHLO: ['A', 3, 'Warehouse'], // B4
  TEPY: ['A', 3, 'Payment terms'],
  MODL: ['A', 3, 'Delivery method'],
  TEDL: ['A', 3, 'Delivery terms'],
  ORNO: ['A', 10, 'Customer order number'], // B4
  ORNR: ['A', 10, 'Order number'],
  CUOR: ['A', 20, "Customer's order number"], // B4
  ORDT: ['D', 10, 'Order date'], // B4
  RLDT: ['D', 10, 'Requested delivery date'], // B4
  DWDT: ['D', 10, 'Requested delivery date'], // B4
  ORSL: ['A', 2, 'Lowest status'],
  ORST: ['A', 2, 'Highest status'],
  NTAM: ['N', 17, 'Net order value'],
  BRAM: ['N', 17, 'Gross order value'],
  VTAM: ['N', 17, 'VAT amount'],
  ITNO: ['A', 15, 'Item number'], // B4
  ITDS: ['A', 30, 'Name'],
  FUDS: ['A', 60, 'Description 2'],
  ORQT: ['N', 15, 'Ordered quantity'], // B4
  SAPR: ['N', 17, 'Sales price'], // B4
  NLAM: ['N', 17, 'Net line amount'],
  ALQT: ['N', 15, 'Allocated quantity'],
  DLQT: ['N', 15, 'Delivered quantity'],
  IVQT: ['N', 15, 'Invoiced quantity'],
  PONR: ['N', 5, 'Order line number'], // B4
  POSX: ['N', 3, 'Line suffix'], // B4
  ATNR: ['N', 17, 'Attribute number'],
  LEVL: ['A', 2, 'Level'], // H5
  MDTA: ['A', 132, 'Error message'], // H5
  TX60: ['A', 60, 'Error text'], // H5
  MSID: ['A', 7, 'Message ID'], // H5
  UNMS: ['A', 3, 'Basic unit of measure'],
  ITGR: ['A', 5, 'Item group'],
  ITCL: ['A', 5, 'Product group'],
  ITTY: ['A', 3, 'Item type'],
  NEWE: ['N', 11, 'Net weight'],
  GRWE: ['N', 11, 'Gross weight'],
  SPUN: ['A', 3, 'Sales price unit of measure'],
  TAXC: ['A', 3, 'Tax code customer/address'],
  STQT: ['N', 15, 'On-hand balance approved'],
  QUQT: ['N', 15, 'On-hand balance for inspection'],
  RJQT: ['N', 15, 'Rejected on-hand balance'],
  AV01: ['N', 15, 'Allocatable net'],
  AVAL: ['N', 15, 'Allocatable on-hand balance'],
  AV02: ['N', 15, 'Available inventory'],
  PLQT: ['N', 15, 'Picking list quantity'],
  REQT: ['N', 15, 'Reserved quantity'],
  IDDT: ['D', 10, 'Last receipt date'],
  ODDT: ['D', 10, 'Last issue date'],
  LTDT: ['D', 10, 'Lead time date'],
  PFDT: ['D', 10, 'Planning date'],
  WHSL: ['A', 10, 'Location'],
  BANO: ['A', 20, 'Lot number'],
  CAMU: ['A', 20, 'Container'],
  STAS: ['A', 1, 'Balance identity status'],
  NOLN: ['N', 5, 'Number of lines'],
};

const FIELDS: ReadonlyMap<string, M3FieldInfo> = new Map(
  Object.entries(FIELD_ROWS).map(([name, [type, length, description]]) => [
    name,
    { name, type, length, description },
  ]),
);

/** What the simulator knows about a field, if anything. */
export function fieldInfo(name: string): M3FieldInfo | undefined {
  return FIELDS.get(name);
}

/**
 * Checks input values against their field's type and length, as M3 does before running a
 * transaction. Fields the simulator does not know are passed through unchecked.
 */
export function validateInputFields(input: Readonly<Record<string, string>>, enforceLengths: boolean): void {
  for (const [name, value] of Object.entries(input)) {
    const info = FIELDS.get(name);
    if (info === undefined || value === '') continue;
    if (info.type === 'A' && enforceLengths && value.length > info.length) {
      throw M3Error.inputFieldTooLong(name, info.length);
    }
    if (info.type === 'N' && !isM3Numeric(value)) throw M3Error.invalidNumber(name, value);
    if (info.type === 'D' && !isM3Date(value)) throw M3Error.invalidDate(name, value);
  }
}
