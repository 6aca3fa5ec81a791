import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ConnectionTestView } from './connection-test-view.tsx';
import { CredentialFieldInput } from './credential-field-input.tsx';
import { type CredentialForm, keepsStoredSecret, visibleFields } from './credential-form.ts';
import {
  type CredentialsState,
  changeField,
  deleteCredential,
  formType,
  saveCredential,
  testCredential,
  useCredentialsStore,
} from './credentials.store.ts';

const selectEditor = (state: CredentialsState) => ({
  form: state.form,
  type: formType(state),
  writable: state.listing?.store.writable !== false,
  fieldErrors: state.fieldErrors,
  message: state.message,
  notice: state.notice,
  saving: state.saving,
  test: state.test,
});

/** The form of the selected or new credential, generated from its type's fields. */
export function CredentialEditor() {
  const { form, type, writable, fieldErrors, message, notice, saving, test } = useCredentialsStore(
    useShallow(selectEditor),
  );
  const messages = (
    <>
      {message ? (
        <div className="credentials-message error" role="alert">
          {message}
        </div>
      ) : null}
      {notice ? <div className="credentials-message ok">{notice}</div> : null}
    </>
  );
  if (!form || !type) {
    return (
      <section className="credentials-editor">
        {messages}
        {form ? <UnknownType form={form} /> : <p className="muted">{EMPTY}</p>}
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveCredential();
  };
  const isNew = form.original === undefined;
  return (
    <section className="credentials-editor">
      <form onSubmit={submit} aria-label={isNew ? `New ${type.title} credential` : `Credential ${form.id}`}>
        <h3>{isNew ? `New ${type.title} credential` : `${type.title} · ${form.id}`}</h3>
        {messages}
        <IdField form={form} error={fieldErrors.id} />
        {visibleFields(type, form.values).map((field) => (
          <CredentialFieldInput
            key={field.name}
            field={field}
            value={form.values[field.name] ?? ''}
            keepsStored={keepsStoredSecret(form, field)}
            error={fieldErrors[field.name]}
            onChange={(value) => changeField(field.name, value)}
          />
        ))}
        <ConnectionTestView test={test} />
        <div className="dialog-buttons credentials-actions">
          {isNew ? null : <DeleteButton id={form.id} />}
          <span className="spacer" />
          {type.testable ? (
            <button type="button" onClick={() => void testCredential()} disabled={test.state === 'running'}>
              {test.state === 'running' ? 'Testing…' : 'Test connection'}
            </button>
          ) : null}
          <button
            type="submit"
            className="primary"
            disabled={!writable || saving}
            title={writable ? 'Save (Ctrl+S)' : 'The credential store is not writable'}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </section>
  );
}

const EMPTY = 'Pick a credential on the left, or create one with “New credential”.';

/** The id: typed for a new credential (a suggestion filled in), fixed once stored. */
function IdField({ form, error }: { form: CredentialForm; error: string | undefined }) {
  const isNew = form.original === undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor="credential-field-id">
        Id{isNew ? <span className="required-marker"> *</span> : null}
      </label>
      <input
        id="credential-field-id"
        value={form.id}
        readOnly={!isNew}
        aria-invalid={error !== undefined}
        spellCheck={false}
        onChange={(event) => changeField('id', event.target.value)}
      />
      <span className="field-hint">
        {isNew ? 'What flows name in a node’s credential slot.' : 'Flows name the credential by this id.'}
      </span>
      {error ? <div className="field-problem">{error}</div> : null}
    </div>
  );
}

function DeleteButton({ id }: { id: string }) {
  const remove = () => {
    if (window.confirm(`Delete the credential "${id}"? Flows that use it will report it missing.`))
      void deleteCredential();
  };
  return (
    <button type="button" className="danger" onClick={remove}>
      Delete
    </button>
  );
}

/** A stored credential of a type this host has no form for (another tool, a newer Bridgeflow). */
function UnknownType({ form }: { form: CredentialForm }) {
  return (
    <>
      <p className="muted">
        This designer has no form for credentials of type “{form.type}”; {form.id} can only be used or
        deleted.
      </p>
      <DeleteButton id={form.id} />
    </>
  );
}
