import { describe, expect, it } from 'vitest';
import {
  type CredentialField,
  type CredentialTypeInfo,
  draftOf,
  editForm,
  hasUnsavedChanges,
  idProblem,
  keepsStoredSecret,
  newForm,
  placeError,
  type StoredCredential,
  savePayload,
  suggestId,
  testPayload,
  visibleFields,
} from './credential-form.ts';

const field = (name: string, extra: Partial<CredentialField> = {}): CredentialField => ({
  name,
  label: name,
  kind: 'text',
  secret: false,
  required: true,
  ...extra,
});

// M3's shape: a mode select steering which fields show.
const M3: CredentialTypeInfo = {
  type: 'm3',
  title: 'Infor M3',
  testable: true,
  fields: [
    field('mode', { kind: 'select', options: ['basic', 'ionapi'], defaultValue: 'basic' }),
    field('baseUrl', { when: { field: 'mode', equals: ['basic'] } }),
    field('password', { kind: 'secret', secret: true, when: { field: 'mode', equals: ['basic'] } }),
    field('ionapi', { kind: 'multiline', secret: true, when: { field: 'mode', equals: ['ionapi'] } }),
    field('company', { required: false }),
  ],
};

const SAGE: CredentialTypeInfo = {
  type: 'sage300',
  title: 'Sage 300',
  testable: true,
  fields: [field('baseUrl'), field('username'), field('password', { kind: 'secret', secret: true })],
};

const stored = (id: string, extra: Partial<StoredCredential> = {}): StoredCredential => ({
  id,
  type: 'sage300',
  updatedAt: '2025-01-01T00:00:00.000Z',
  values: { baseUrl: 'http://sage/Sage300WebApi', username: 'WEBAPI' },
  secretsSet: ['password'],
  ...extra,
});

const names = (fields: readonly CredentialField[]) => fields.map((each) => each.name);

describe('credential form', () => {
  it('shows the fields whose condition holds, using a select’s default when it is blank', () => {
    expect(names(visibleFields(M3, { mode: 'basic' }))).toEqual(['mode', 'baseUrl', 'password', 'company']);
    expect(names(visibleFields(M3, { mode: 'ionapi' }))).toEqual(['mode', 'ionapi', 'company']);
    expect(names(visibleFields(M3, {}))).toEqual(['mode', 'baseUrl', 'password', 'company']);
  });

  it('hides a field whose controlling field is itself hidden', () => {
    const chained: CredentialTypeInfo = {
      ...M3,
      fields: [...M3.fields, field('realm', { when: { field: 'ionapi', equals: ['x'] } })],
    };
    expect(names(visibleFields(chained, { mode: 'basic', ionapi: 'x' }))).not.toContain('realm');
    expect(names(visibleFields(chained, { mode: 'ionapi', ionapi: 'x' }))).toContain('realm');
  });

  it('starts a new credential with a free id and the selects on their default', () => {
    const form = newForm(M3, [stored('m3-1', { type: 'm3' })]);
    expect(form).toMatchObject({ id: 'm3-2', type: 'm3', original: undefined, values: { mode: 'basic' } });
    expect(suggestId('sage300', [])).toBe('sage300-1');
  });

  it('checks ids as the host does, and refuses an id taken by another credential', () => {
    expect(idProblem('sage300-1', [], true)).toBeUndefined();
    expect(idProblem('', [], true)).toMatch(/Give the credential an id/);
    expect(idProblem('-bad', [], true)).toMatch(/must start with a letter or digit/);
    expect(idProblem('has space', [], true)).toMatch(/only letters, digits/);
    expect(idProblem('x'.repeat(65), [], true)).toMatch(/at most 64/);
    expect(idProblem('sage', [stored('sage')], true)).toMatch(/exists already/);
    expect(idProblem('sage', [stored('sage')], false)).toBeUndefined();
  });

  it('keeps a stored secret left blank while editing, and sends a retyped one', () => {
    const form = editForm(stored('sage'));
    const password = SAGE.fields[2]!;
    expect(keepsStoredSecret(form, password)).toBe(true);
    expect(savePayload(form, SAGE)).toEqual({
      id: 'sage',
      type: 'sage300',
      fields: { baseUrl: 'http://sage/Sage300WebApi', username: 'WEBAPI' },
      keep: ['password'],
    });
    const retyped = { ...form, values: { ...form.values, password: 'new' } };
    expect(draftOf(retyped, SAGE)).toMatchObject({ fields: { password: 'new' }, keep: [] });
  });

  it('keeps nothing for a new credential, and leaves out hidden and empty fields', () => {
    const form = {
      ...newForm(M3, []),
      values: { mode: 'ionapi', baseUrl: 'http://m3', ionapi: '{}', company: '' },
    };
    expect(draftOf(form, M3)).toEqual({ type: 'm3', fields: { mode: 'ionapi', ionapi: '{}' }, keep: [] });
  });

  it('tests with the stored id only when editing (to fill in the kept secrets)', () => {
    expect(testPayload(editForm(stored('sage')), SAGE)).toMatchObject({ id: 'sage', keep: ['password'] });
    expect(testPayload(newForm(SAGE, []), SAGE)).not.toHaveProperty('id');
  });

  it('puts a save error under the field its path names, else above the form', () => {
    const error = { code: 'INPUT_INVALID', message: 'must be a URL', retryable: false } as const;
    expect(placeError({ ...error, path: 'fields.baseUrl' })).toEqual({
      fieldErrors: { baseUrl: 'must be a URL' },
    });
    expect(placeError({ ...error, path: 'id' })).toEqual({ fieldErrors: { id: 'must be a URL' } });
    expect(placeError(error)).toEqual({ fieldErrors: {}, message: 'must be a URL' });
  });

  it('knows when the form holds something unsaved: a changed value or a typed secret', () => {
    const editing = editForm(stored('sage-erp'));
    expect(hasUnsavedChanges(editing, SAGE)).toBe(false);
    expect(hasUnsavedChanges({ ...editing, values: { ...editing.values, username: 'OTHER' } }, SAGE)).toBe(
      true,
    );
    expect(hasUnsavedChanges({ ...editing, values: { ...editing.values, password: 'new' } }, SAGE)).toBe(
      true,
    );
    const fresh = newForm(M3, []);
    expect(hasUnsavedChanges(fresh, M3)).toBe(false);
    expect(hasUnsavedChanges({ ...fresh, values: { ...fresh.values, company: '100' } }, M3)).toBe(true);
  });
});
