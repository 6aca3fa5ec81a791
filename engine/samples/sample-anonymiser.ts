import type { JsonValue } from '../contract/flow-document.ts';

// Replaces personal data in captured records by fakes before they are saved as samples, so a
// consultant can keep real orders in a repository. Fields are recognised by name, the way 3dcart
// spells them on orders and customers (reference/threedcart-api.md §3: Billing*, Shipment*,
// Shipping*, Card*, Email): names, companies, e-mails, phones, street lines and the shopper's IP.
// City, state, postal code and country stay: tax, region and ship-via rules depend on them, and
// without a street, name and e-mail they do not identify anyone.
// Within one anonymiser the same input always gives the same fake (a returning customer stays one
// customer across the captured orders, and the billing and shipment names of an order still agree).

type Kind = 'first' | 'last' | 'company' | 'email' | 'phone' | 'street' | 'street2' | 'ip';

const FIRST = ['Alex', 'Sam', 'Robin', 'Kim', 'Jordan', 'Taylor', 'Casey', 'Morgan', 'Jamie', 'Riley'];
const LAST = ['Rivers', 'Stone', 'Fields', 'Brooks', 'Hale', 'Marsh', 'Woods', 'Lane', 'Hart', 'Vale'];

/** Which kind of personal data a field holds, by its name; undefined when none. */
function kindOf(field: string): Kind | 'fullName' | undefined {
  if (/FirstName$/.test(field)) return 'first';
  if (/LastName$/.test(field)) return 'last';
  if (field === 'CardName') return 'fullName';
  if (/Company$/.test(field)) return 'company';
  if (/^Email$|Email$/.test(field)) return 'email';
  if (/Phone(Number)?$/.test(field)) return 'phone';
  if (/Address2$/.test(field)) return 'street2';
  if (/(Address1?|CardAddress)$/.test(field)) return 'street';
  if (field === 'IP') return 'ip';
  return undefined;
}

function fake(kind: Kind, index: number): string {
  const round = Math.floor(index / FIRST.length);
  const suffix = round === 0 ? '' : ` ${round + 1}`;
  switch (kind) {
    case 'first':
      return `${FIRST[index % FIRST.length]}${suffix}`;
    case 'last':
      return `${LAST[index % LAST.length]}${suffix}`;
    case 'company':
      return `Sample Company ${index + 1}`;
    case 'email':
      return `shopper${index + 1}@example.com`;
    case 'phone':
      // 555-0100 to 555-0199 are reserved for fiction in the North American numbering plan.
      return `555-01${String(index % 100).padStart(2, '0')}`;
    case 'street':
      return `${100 + index} Sample Street`;
    case 'street2':
      return `Unit ${index + 1}`;
    case 'ip':
      // 192.0.2.0/24 is TEST-NET-1 (RFC 5737), never a real host.
      return `192.0.2.${(index % 254) + 1}`;
  }
}

/** Replaces personal data in records; one instance per capture keeps fakes consistent across records. */
export interface Anonymiser {
  anonymise(value: JsonValue): JsonValue;
}

export function createAnonymiser(): Anonymiser {
  const fakes = new Map<string, string>();
  const counts = new Map<Kind, number>();
  const fakeFor = (kind: Kind, original: string): string => {
    // E-mails and names compare without case: Dana@X.com and dana@x.com are the same shopper.
    const key = `${kind}\u0000${original.trim().toLowerCase()}`;
    const known = fakes.get(key);
    if (known !== undefined) return known;
    const index = counts.get(kind) ?? 0;
    counts.set(kind, index + 1);
    const made = fake(kind, index);
    fakes.set(key, made);
    return made;
  };
  const replace = (field: string, value: JsonValue): JsonValue => {
    const kind = kindOf(field);
    if (kind === undefined || typeof value !== 'string' || value.trim() === '') return walk(value);
    if (kind !== 'fullName') return fakeFor(kind, value);
    // A card holder's name is first and last name: fake each part as the billing fields are faked.
    const parts = value.trim().split(/\s+/);
    const last = parts.length > 1 ? parts.pop() : undefined;
    const first = fakeFor('first', parts.join(' '));
    return last === undefined ? first : `${first} ${fakeFor('last', last)}`;
  };
  const walk = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const result: { [key: string]: JsonValue } = {};
    for (const [field, child] of Object.entries(value)) result[field] = replace(field, child);
    return result;
  };
  return { anonymise: walk };
}
