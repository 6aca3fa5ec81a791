import { useEffect, useState } from 'react';
import type { NodeDescription } from '../../engine/contract/node-description.ts';
import {
  type CredentialsState,
  loadCredentials,
  openCredentials,
  useCredentialsStore,
} from './credentials.store.ts';

type CredentialSlot = NodeDescription['credentials'][number];

const selectListing = (state: CredentialsState) => state.listing;
const selectLoadError = (state: CredentialsState) => state.loadError;

/** Not credential ids (ids start with a letter or digit): the "New credential…" and "Other id…" entries. */
const NEW_CREDENTIAL = '__new__';
const OTHER_ID = '__other__';

/**
 * A node's credential slot: the stored credentials of the slot's type, "(none)", the current id
 * when this machine does not have it, "New credential…" which opens the dialog on that type, and
 * "Other id…" for an id this machine does not hold (one the runtime's credentials file or its
 * environment provides).
 */
export function CredentialSlotPicker({
  slot,
  value,
  onChange,
}: {
  slot: CredentialSlot;
  /** The credential id the node names, or '' for none. */
  value: string;
  onChange: (id: string) => void;
}) {
  const listing = useCredentialsStore(selectListing);
  const loadError = useCredentialsStore(selectLoadError);
  useEffect(() => {
    if (useCredentialsStore.getState().listing === undefined) void loadCredentials();
  }, []);
  const matching = listing?.credentials.filter((credential) => credential.type === slot.type) ?? [];
  const stored = matching.some((credential) => credential.id === value);
  const canCreate = listing?.types.some((type) => type.type === slot.type) === true;
  const id = `credential-${slot.slot}`;
  const [typing, setTyping] = useState(false);
  if (typing) {
    return (
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {slot.slot} ({slot.type}){slot.required ? <span className="required-marker"> *</span> : null}
        </label>
        <input
          id={id}
          // biome-ignore lint/a11y/noAutofocus: shown because the user just asked to type an id
          autoFocus
          defaultValue={value}
          placeholder="credential id, e.g. sage300-prod (Enter to use it, Escape to cancel)"
          onBlur={(event) => {
            onChange(event.target.value.trim());
            setTyping(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') {
              event.currentTarget.value = value;
              event.currentTarget.blur();
            }
          }}
        />
      </div>
    );
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {slot.slot} ({slot.type}){slot.required ? <span className="required-marker"> *</span> : null}
      </label>
      <div className="credential-slot">
        <select
          id={id}
          value={value}
          onChange={(event) => {
            const chosen = event.target.value;
            if (chosen === NEW_CREDENTIAL) void openCredentials({ newOfType: slot.type, onSaved: onChange });
            else if (chosen === OTHER_ID) setTyping(true);
            else onChange(chosen);
          }}
        >
          <option value="">(none)</option>
          {matching.map((credential) => (
            <option key={credential.id} value={credential.id}>
              {credential.id}
            </option>
          ))}
          {value !== '' && !stored ? (
            <option value={value}>{listing ? `${value} — not in this machine's store` : value}</option>
          ) : null}
          {canCreate ? <option value={NEW_CREDENTIAL}>New credential…</option> : null}
          <option value={OTHER_ID}>Other id…</option>
        </select>
        <button
          type="button"
          disabled={!stored}
          title={stored ? `Edit ${value}` : 'Pick a stored credential to edit it'}
          onClick={() => void openCredentials({ id: value })}
        >
          Edit
        </button>
      </div>
      {loadError ? <div className="field-problem warning">{loadError}</div> : null}
    </div>
  );
}
