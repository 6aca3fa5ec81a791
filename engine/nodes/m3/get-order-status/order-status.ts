// Customer order line statuses (reference/erp-apis.md B9): two digits, the lowest and highest
// status of the line's split quantities; the head's ORSL/ORST are the lowest/highest line status.

const LINE_STATUS_DIGIT: Readonly<Record<string, string>> = {
  '2': 'left to allocate',
  '3': 'allocated',
  '4': 'on picking list',
  '6': 'delivered',
  '7': 'invoiced',
  '9': 'deleted',
};

/** Two-digit codes that are not digit pairs. */
const LINE_STATUS_EXCEPTIONS: Readonly<Record<string, string>> = {
  '05': 'quotation',
  '10': 'preliminary',
  '99': 'completed without delivery',
};

/** Plain words for a line status such as `33` ("allocated") or `23` ("left to allocate / allocated"). */
export function describeLineStatus(status: string | undefined): string {
  const code = (status ?? '').trim();
  const exception = LINE_STATUS_EXCEPTIONS[code];
  if (exception !== undefined) return exception;
  if (!/^\d\d$/.test(code)) return code === '' ? '' : `status ${code}`;
  const [lowest = '', highest = ''] = [...code].map((digit) => LINE_STATUS_DIGIT[digit] ?? `status ${digit}`);
  return lowest === highest ? lowest : `${lowest} / ${highest}`;
}
