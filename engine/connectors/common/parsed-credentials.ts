/**
 * `parse` remembered by the credential's content. Connector nodes read and parse their credential
 * on every run, and a schema parse cost more than a tenth of a millisecond of each order the
 * runtime carries through three connector nodes. The vault answers a fresh copy each time, so the
 * cache is keyed by the fields' JSON, not the object; only successes are kept (a bad credential
 * throws its reason every time), frozen so no caller can change what the next one gets. It holds
 * the last 32 distinct credentials, values the secret store holds in memory anyway.
 */
export function parsedOnce<T extends object>(
  parse: (fields: Readonly<Record<string, string>>) => T,
): (fields: Readonly<Record<string, string>>) => T {
  const parsed = new Map<string, T>();
  return (fields) => {
    const key = JSON.stringify(fields);
    const known = parsed.get(key);
    if (known) return known;
    const result = Object.freeze(parse(fields));
    if (parsed.size >= 32) parsed.clear();
    parsed.set(key, result);
    return result;
  };
}
