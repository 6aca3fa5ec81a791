import { m3Number, m3Text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md B6 (CRS610MI Add: mandatory CUTM, CUNM, CUA1; optional fields), B4 (widths of
// CONO, DIVI, CUNO, STAT, MAIL; all values are strings), example E5. Widths B4/B6 do not give are
// the usual M3 field lengths and are marked unverified.

const addressLines: FieldSpec[] = [2, 3, 4].map((line) =>
  m3Text(`CUA${line}`, 36, `Address line ${line} (width 36 unverified)`),
);

// CFC1..CFC9, CFC0: ten user-defined customer fields (B6).
const userFields: FieldSpec[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map((index) =>
  m3Text(`CFC${index}`, 10, `User-defined customer field ${index} (width 10 unverified)`),
);

/** Inputs of CRS610MI/Add, create a customer (erp-apis.md B6). */
export const M3_CRS610MI_ADD: RecordSchema = {
  id: 'm3.CRS610MI.Add',
  title: 'M3 CRS610MI/Add (create customer)',
  system: 'm3',
  direction: 'target',
  description:
    'Input fields of CRS610MI/Add. M3 copies everything not sent from the template customer CUTM. ' +
    'Output: CUNO and ERRM (B6).',
  unknownFields: 'reject',
  fields: [
    m3Number('CONO', 3, 'Company (B4 N3); usually the connection default'),
    m3Text('DIVI', 3, 'Division (B4 A3)'),
    m3Text('LNCD', 2, 'Language (width 2 unverified)'),
    m3Text('CUTM', 10, 'Template customer to copy settings from (B6 mandatory; width 10 unverified)', {
      required: true,
    }),
    m3Text('CUNO', 10, 'New customer number (B4 A10); when left out M3 may number it (B6, unverified)'),
    m3Text('CUNM', 36, 'Customer name (B6 mandatory; width 36 unverified)', { required: true }),
    m3Text('CUA1', 36, 'Address line 1 (B6 mandatory; width 36 unverified)', { required: true }),
    ...addressLines,
    m3Text('PONO', 10, 'Postal code (B6; width 10 unverified)'),
    m3Text('TOWN', 20, 'City (B6; width 20 unverified)'),
    m3Text('ECAR', 2, 'State / area (B6 A2)'),
    m3Text('CSCD', 3, 'Country code, e.g. US (B6; width 3 unverified)'),
    m3Text('PHNO', 16, 'Phone (B6; width 16 unverified)'),
    m3Text('PHN2', 16, 'Second phone (B6; width 16 unverified)'),
    m3Text('TFNO', 16, 'Fax (B6; width 16 unverified)'),
    m3Text('MAIL', 50, 'E-mail (B4/B6 A50)', { format: 'email' }),
    m3Number('CUTP', 1, 'Customer type (B6; width 1 unverified)'),
    m3Text('ALCU', 10, 'Search key (B6; width 10 unverified)'),
    m3Text('YREF', 30, 'Your reference 1 (B6; width 30 unverified)'),
    m3Text('YRE2', 30, 'Your reference 2 (B6; width 30 unverified)'),
    m3Text('STAT', 2, 'Customer status, e.g. 20 (B4 A2; meaning of values unverified, E5)'),
    ...userFields,
  ],
};
