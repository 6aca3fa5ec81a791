import type { ErrorData } from '../../engine/contract/errors.ts';
import type { FlowApiInput, FlowApiOutput } from '../../engine/contract/flow-api.ts';

// The credential form as data: which fields show, what Save and Test send, where errors go.
// Pure functions, so they are tested without React or a host.

export type CredentialListing = FlowApiOutput<'listCredentials'>;
export type CredentialTypeInfo = CredentialListing['types'][number];
export type CredentialField = CredentialTypeInfo['fields'][number];
export type StoredCredential = CredentialListing['credentials'][number];
export type ConnectionTestResult = FlowApiOutput<'testCredential'>;

/** What the dialog's form holds while the user edits. */
export interface CredentialForm {
  /** The stored credential being edited; `undefined` while creating a new one. */
  original: StoredCredential | undefined;
  id: string;
  type: string;
  /** Typed values by field name; a secret stays blank unless the user types a new one. */
  values: Readonly<Record<string, string>>;
}

/** The contract's id rule (CredentialIdSchema), checked before asking the host. */
export const CREDENTIAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Shown in a blank secret field whose value is stored. */
export const KEPT_SECRET_PLACEHOLDER = '•••••• stored — leave blank to keep';

/** Why an id cannot be used, or `undefined` when it can. */
export function idProblem(
  id: string,
  existing: readonly StoredCredential[],
  isNew: boolean,
): string | undefined {
  if (id === '') return 'Give the credential an id, e.g. sage300-1';
  if (!CREDENTIAL_ID_PATTERN.test(id)) {
    return 'The id must start with a letter or digit and hold only letters, digits, ".", "_" and "-" (at most 64)';
  }
  if (isNew && existing.some((credential) => credential.id === id)) {
    return `A credential "${id}" exists already; pick it in the list to edit it`;
  }
  return undefined;
}

/** The first free `<type>-<n>` id (`sage300-1`). */
export function suggestId(type: string, existing: readonly StoredCredential[]): string {
  const base = type.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'credential';
  const taken = new Set(existing.map((credential) => credential.id));
  let number = 1;
  while (taken.has(`${base}-${number}`)) number += 1;
  return `${base}-${number}`;
}

/** A new credential of a type: selects start on their default (they steer `when`), the rest empty. */
export function newForm(type: CredentialTypeInfo, existing: readonly StoredCredential[]): CredentialForm {
  const values: Record<string, string> = {};
  for (const field of type.fields) {
    if (field.kind === 'select') values[field.name] = field.defaultValue ?? field.options?.[0] ?? '';
  }
  return { original: undefined, id: suggestId(type.type, existing), type: type.type, values };
}

/** The form of a stored credential: its non-secret values; secrets blank (kept unless retyped). */
export function editForm(credential: StoredCredential): CredentialForm {
  return { original: credential, id: credential.id, type: credential.type, values: { ...credential.values } };
}

/** Whether the form holds something Save has not stored: a changed value or a typed secret. */
export function hasUnsavedChanges(form: CredentialForm, type: CredentialTypeInfo | undefined): boolean {
  const initial = form.original ? editForm(form.original).values : type ? newForm(type, []).values : {};
  return Object.entries(form.values).some(([name, value]) => value !== (initial[name] ?? ''));
}

/** A field's value as the store would take it: what was typed, else its default. */
function effectiveValue(
  field: CredentialField | undefined,
  values: Readonly<Record<string, string>>,
): string {
  if (!field) return '';
  const typed = values[field.name] ?? '';
  return typed === '' ? (field.defaultValue ?? '') : typed;
}

/**
 * Whether a field shows: its `when` field is itself shown and holds one of the listed values
 * (M3: the user/password fields only for Basic, the .ionapi text only for ION API).
 */
export function isFieldVisible(
  field: CredentialField,
  fields: readonly CredentialField[],
  values: Readonly<Record<string, string>>,
  depth = 0,
): boolean {
  if (!field.when) return true;
  const { field: name, equals } = field.when;
  const controller = fields.find((candidate) => candidate.name === name);
  // A chain longer than the form is a cycle; show the field rather than loop.
  if (controller && depth < fields.length && !isFieldVisible(controller, fields, values, depth + 1)) {
    return false;
  }
  return equals.includes(effectiveValue(controller, values));
}

/** The fields the form shows for the current values. */
export function visibleFields(
  type: CredentialTypeInfo,
  values: Readonly<Record<string, string>>,
): CredentialField[] {
  return type.fields.filter((field) => isFieldVisible(field, type.fields, values));
}

/** Whether a blank secret field keeps the value stored under the edited credential. */
export function keepsStoredSecret(form: CredentialForm, field: CredentialField): boolean {
  return (
    field.secret &&
    (form.values[field.name] ?? '') === '' &&
    form.original?.secretsSet.includes(field.name) === true
  );
}

/** Type, typed values of the shown fields, and the stored secrets left blank (`keep`). */
export function draftOf(
  form: CredentialForm,
  type: CredentialTypeInfo,
): { type: string; fields: Record<string, string>; keep: string[] } {
  const fields: Record<string, string> = {};
  const keep: string[] = [];
  for (const field of visibleFields(type, form.values)) {
    const value = form.values[field.name] ?? '';
    if (keepsStoredSecret(form, field)) keep.push(field.name);
    // Empty means "not set": the host applies the default or reports a required field.
    else if (value !== '') fields[field.name] = value;
  }
  return { type: form.type, fields, keep };
}

/** What Save sends. */
export function savePayload(form: CredentialForm, type: CredentialTypeInfo): FlowApiInput<'saveCredential'> {
  return { id: form.id, ...draftOf(form, type) };
}

/** What Test connection sends: the id only when editing, so the host can fill in the kept secrets. */
export function testPayload(form: CredentialForm, type: CredentialTypeInfo): FlowApiInput<'testCredential'> {
  const draft = draftOf(form, type);
  return form.original ? { ...draft, id: form.original.id } : draft;
}

/** Where a failed save's error shows: under the field its path names, or above the form. */
export function placeError(error: ErrorData): { fieldErrors: Record<string, string>; message?: string } {
  const match = /^fields\.(.+)$/.exec(error.path ?? '');
  if (match?.[1]) return { fieldErrors: { [match[1]]: error.message } };
  if (error.path === 'id') return { fieldErrors: { id: error.message } };
  return { fieldErrors: {}, message: error.message };
}
