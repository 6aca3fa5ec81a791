import type { JsonValue } from '../../contract/flow-document.ts';
import type { MappingFunction } from '../mapping-function.ts';
import { booleanSetting, textOrNull } from './function-arguments.ts';
import { cleanSpaces, foldAccents } from './text-folding.ts';

// Deliberately loose: the key only has to tell an address from a name typed into the e-mail field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Gmail ignores dots in the local part and everything after "+", and googlemail.com is the same
// mailbox (Gmail Help, "Dots don't matter in Gmail addresses"). Other providers
// differ, so only Gmail is folded, and only when asked: two people can share one household account.
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Trimmed, lower-cased address; null when it is not an address. */
function normaliseEmail(value: JsonValue | undefined, foldGmail: boolean): string | null {
  const email = textOrNull(value)?.toLowerCase() ?? null;
  if (email === null || !EMAIL.test(email)) return null;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!foldGmail || !GMAIL_DOMAINS.has(domain)) return email;
  const mailbox = local.split('+')[0]!.replaceAll('.', '');
  return mailbox === '' ? email : `${mailbox}@gmail.com`;
}

/** Accents folded, punctuation dropped, lower-case, single spaces: "  O'Brien-Núñez " → "obrien nunez". */
function matchText(text: string): string {
  return cleanSpaces(
    foldAccents(text)
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' '),
  );
}

/** A name as one string or as parts (first, last); null parts are skipped. */
function nameText(value: JsonValue | undefined): string | null {
  const parts = Array.isArray(value) ? value : [value];
  const words = parts.filter((part): part is string => typeof part === 'string');
  if (words.length === 0) return null;
  const text = matchText(words.join(' '));
  return text === '' ? null : text;
}

const dedupeKey: MappingFunction = {
  name: 'customer.dedupeKey',
  jsonataName: 'customerDedupeKey',
  category: 'customer',
  summary: 'Key that is equal for the same customer: normalised e-mail, else name + postal code',
  parameters: [
    { name: 'email', type: 'any', description: 'E-mail address (BillingEmail)' },
    { name: 'name', type: 'any', description: 'Full name, or a list of name parts [first, last]' },
    { name: 'postalCode', type: 'any', description: 'Postal code of the same address' },
    {
      name: 'foldGmail',
      type: 'boolean',
      optional: true,
      description: 'Treat Gmail dots and +tags as the same mailbox; default false',
    },
  ],
  example: {
    args: [' Jane.Doe@Example.COM ', ['Jane', 'Doe'], '78701'],
    result: 'email:jane.doe@example.com',
  },
  implementation(email, name, postalCode, foldGmail) {
    const fold = booleanSetting('customer.dedupeKey', 'foldGmail', foldGmail);
    const address = normaliseEmail(email, fold);
    // Prefixes keep the two kinds of key from ever matching each other.
    if (address !== null) return `email:${address}`;
    const person = nameText(name);
    const postal = typeof postalCode === 'string' ? matchText(postalCode).replaceAll(' ', '') : '';
    return person === null || postal === '' ? null : `name:${person}|${postal}`;
  },
};

export const CUSTOMER_FUNCTIONS: readonly MappingFunction[] = [dedupeKey];
