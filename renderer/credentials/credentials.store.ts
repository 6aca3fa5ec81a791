import { create } from 'zustand';
import type { ErrorData } from '../../engine/contract/errors.ts';
import { flowApi } from '../api/flow-api.ts';
import { openDialog } from '../state/ui.store.ts';
import {
  type ConnectionTestResult,
  type CredentialForm,
  type CredentialListing,
  type CredentialTypeInfo,
  editForm,
  hasUnsavedChanges,
  idProblem,
  newForm,
  placeError,
  savePayload,
  testPayload,
} from './credential-form.ts';

/** "Test connection": not run, running, or what the host answered. */
export type ConnectionTestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: ConnectionTestResult }
  /** The host refused the request itself (bad input, host unreachable). */
  | { state: 'refused'; error: ErrorData };

/**
 * The one list of stored credentials (the dialog and every inspector slot read it) and the
 * dialog's form.
 */
export interface CredentialsState {
  listing: CredentialListing | undefined;
  loadError: string | undefined;
  form: CredentialForm | undefined;
  /** The "New credential" type list is open. */
  choosingType: boolean;
  fieldErrors: Readonly<Record<string, string>>;
  /** A failure that names no field. */
  message: string | undefined;
  /** What the last save or delete did. */
  notice: string | undefined;
  saving: boolean;
  test: ConnectionTestState;
  /** Told the id of the next saved credential (an inspector slot's "New credential…"). */
  onSaved: ((id: string) => void) | undefined;
}

const CLEAN_FORM = {
  form: undefined,
  choosingType: false,
  fieldErrors: {},
  message: undefined,
  notice: undefined,
  saving: false,
  test: { state: 'idle' },
} as const satisfies Partial<CredentialsState>;

export const useCredentialsStore = create<CredentialsState>(() => ({
  listing: undefined,
  loadError: undefined,
  onSaved: undefined,
  ...CLEAN_FORM,
}));

const set = useCredentialsStore.setState;
const get = useCredentialsStore.getState;

/** The type of the form being edited. */
export function formType(state: CredentialsState): CredentialTypeInfo | undefined {
  return state.listing?.types.find((type) => type.type === state.form?.type);
}

/** Loads (or reloads) the store's information, the types and the stored credentials. */
export async function loadCredentials(): Promise<void> {
  const result = await flowApi().listCredentials({});
  if (result.ok) set({ listing: result.value, loadError: undefined });
  else set({ loadError: `${result.error.code}: ${result.error.message}` });
}

/** Options of {@link openCredentials}. */
export interface OpenCredentialsOptions {
  /** Start a new credential of this type. */
  newOfType?: string;
  /** Show this stored credential. */
  id?: string;
  /** Called with the id of the next credential saved in this dialog. */
  onSaved?: (id: string) => void;
}

/** Opens the Credentials dialog, on a stored credential, a new one, or the first in the list. */
export async function openCredentials(options: OpenCredentialsOptions = {}): Promise<void> {
  set({ ...CLEAN_FORM, onSaved: options.onSaved });
  openDialog('credentials');
  await loadCredentials();
  const credentials = get().listing?.credentials ?? [];
  if (options.newOfType !== undefined) startNewCredential(options.newOfType);
  else if (options.id !== undefined && credentials.some((each) => each.id === options.id))
    selectCredential(options.id);
  else if (credentials[0]) selectCredential(credentials[0].id);
}

/** Whether the form may be left: nothing unsaved in it, or the user agrees to drop it. */
function mayLeaveForm(): boolean {
  const state = get();
  if (!state.form || !hasUnsavedChanges(state.form, formType(state))) return true;
  const name = state.form.original ? `"${state.form.original.id}"` : 'the new credential';
  return window.confirm(`Discard the unsaved changes to ${name}?`);
}

export function closeCredentials(): void {
  if (!mayLeaveForm()) return;
  set({ ...CLEAN_FORM, onSaved: undefined });
  openDialog(undefined);
}

export function selectCredential(id: string): void {
  const credential = get().listing?.credentials.find((each) => each.id === id);
  if (credential && credential.id !== get().form?.original?.id && mayLeaveForm())
    set({ ...CLEAN_FORM, form: editForm(credential) });
}

export function toggleTypeChooser(): void {
  set((state) => ({ choosingType: !state.choosingType }));
}

export function startNewCredential(typeName: string): void {
  const listing = get().listing;
  const type = listing?.types.find((each) => each.type === typeName);
  if (!listing || !type) {
    set({ ...CLEAN_FORM, message: `This host knows no credential type "${typeName}"` });
    return;
  }
  if (mayLeaveForm()) set({ ...CLEAN_FORM, form: newForm(type, listing.credentials) });
}

/** Changes one field (or `id`); the last test no longer describes the form, so it is cleared. */
export function changeField(name: string, value: string): void {
  const form = get().form;
  if (!form) return;
  const next = name === 'id' && !form.original ? { ...form, id: value } : changeValue(form, name, value);
  const { [name]: _fixed, ...fieldErrors } = get().fieldErrors;
  set({ form: next, fieldErrors, notice: undefined, test: { state: 'idle' } });
}

function changeValue(form: CredentialForm, name: string, value: string): CredentialForm {
  return { ...form, values: { ...form.values, [name]: value } };
}

/** Saves the form; on success the list reloads and the form shows the stored credential. */
export async function saveCredential(): Promise<void> {
  const state = get();
  const type = formType(state);
  if (!state.form || !type || state.saving || state.listing?.store.writable === false) return;
  const problem = idProblem(state.form.id, state.listing?.credentials ?? [], !state.form.original);
  if (problem) {
    set({ fieldErrors: { id: problem }, message: undefined, notice: undefined });
    return;
  }
  set({ saving: true, fieldErrors: {}, message: undefined, notice: undefined });
  const result = await flowApi().saveCredential(savePayload(state.form, type));
  if (!result.ok) {
    set({ saving: false, ...placeError(result.error) });
    return;
  }
  await loadCredentials();
  const onSaved = get().onSaved;
  set({
    ...CLEAN_FORM,
    form: editForm(result.value),
    notice: `Saved ${result.value.id}`,
    onSaved: undefined,
  });
  onSaved?.(result.value.id);
}

/** Tests the form's values (saved or not) with one cheap read through the host. */
export async function testCredential(): Promise<void> {
  const state = get();
  const type = formType(state);
  if (!state.form || !type || state.test.state === 'running') return;
  set({ test: { state: 'running' } });
  const result = await flowApi().testCredential(testPayload(state.form, type));
  set({
    test: result.ok ? { state: 'done', result: result.value } : { state: 'refused', error: result.error },
  });
}

/** Deletes the credential being edited (the dialog asks first). */
export async function deleteCredential(): Promise<void> {
  const original = get().form?.original;
  if (!original) return;
  const result = await flowApi().deleteCredential({ id: original.id });
  if (!result.ok) {
    set({ message: `${result.error.code}: ${result.error.message}` });
    return;
  }
  await loadCredentials();
  set({ ...CLEAN_FORM, notice: `Deleted ${original.id}` });
}
