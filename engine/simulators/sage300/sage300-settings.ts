import type { Sage300ErrorCode } from './sage300-errors.ts';

/** Behaviours the reference leaves unverified, as settings (erp-apis.md "Open questions"). */
export interface Sage300Settings {
  /** Most rows one GET returns: `PageSize` in Web.config, 100 by default (A3, S-DEV §4.1, §13.1). */
  pageSize: number;
  /**
   * Feed shape. `documented`: `odata.context`, `odata.count` as a string, no next link, exactly as
   * S-DEV §4.2 prints it (client-driven `$skip` paging). `odata-v4`: `@odata.context`, numeric
   * `@odata.count` and `@odata.nextLink` (carrying `$skip`) when rows remain, as ASP.NET Web API OData v4
   * normally emits [U, open question 1; a third-party Go client follows `@odata.nextLink`].
   */
  envelope: 'documented' | 'odata-v4';
  /**
   * S-DEV §2.2 says `Content-Type: application/json` is required on all requests and its absence
   * gives HTTP 500. `requests-with-body` relaxes that to POST/PUT/PATCH for clients that never send it
   * on GET [U: the 500 on a GET has not been observed].
   */
  contentTypeRequired: 'all-requests' | 'requests-with-body';
  /**
   * Code for a string wider than its field. The models carry `[StringLength]` attributes (A8), so
   * model validation (`InvalidPayload`) is assumed; `RecordInvalid` if the view's check answers [U].
   */
  fieldWidthErrorCode: Extract<Sage300ErrorCode, 'InvalidPayload' | 'RecordInvalid'>;
}

export const DEFAULT_SETTINGS: Readonly<Sage300Settings> = {
  pageSize: 100,
  envelope: 'documented',
  contentTypeRequired: 'all-requests',
  fieldWidthErrorCode: 'InvalidPayload',
};
