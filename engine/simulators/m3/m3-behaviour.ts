// Behaviour the reference leaves unverified, as settings so a test or a sandbox can switch to what
// a given tenant does. Defaults are the most plausible reading of the reference.

/** Settings for behaviour the reference could not verify. */
export interface M3Behaviour {
  /**
   * HTTP status of a v1 response carrying an MI error. The Infor SDK reads v1 errors from the body
   * of a successful response (M-ODIN `parseResponse`/`parseMessage`), so 200.
   */
  readonly v1ErrorStatus: number;
  /**
   * HTTP status of a single-transaction v2 response carrying an MI error. The Infor SDK says v2
   * answers errors with 400 yet also reads errors out of 200 responses (reference B3, open
   * question 9). Bulk POSTs always answer 200 with the errors inside `results`.
   */
  readonly v2ErrorStatus: number;
  /** Records returned when the call gives no `maxrecs` (unverified; the Infor SDK sends 100). */
  readonly defaultMaxRecords: number;
  /** Refuse alpha values longer than the field (`InputFieldTooLong`) instead of accepting them. */
  readonly enforceFieldLengths: boolean;
  /**
   * Whether v1 trims values. Reference B3: v1 values "may be right-padded (SDK trims)", so the
   * default pads alpha fields to their length; `;righttrim=true` asks for trimmed values.
   */
  readonly v1RightTrim: boolean;
  /**
   * Fields CRS610MI/SearchCustomer searches. Whether MAIL is indexed is unverified (reference B6,
   * open question 11); it is by default so the e-mail lookup path can be exercised.
   */
  readonly searchableCustomerFields: readonly string[];
}

export const DEFAULT_BEHAVIOUR: M3Behaviour = {
  v1ErrorStatus: 200,
  v2ErrorStatus: 400,
  defaultMaxRecords: 100,
  enforceFieldLengths: true,
  v1RightTrim: false,
  searchableCustomerFields: ['CUNO', 'CUNM', 'ALCU', 'MAIL', 'TOWN', 'PONO', 'PHNO', 'CSCD', 'STAT', 'RGDT'],
};
