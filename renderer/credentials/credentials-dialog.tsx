import { useEffect, useRef } from 'react';
import { DialogBackdrop } from '../app/dialog-backdrop.tsx';
import { eventKeys } from '../app/shortcuts.ts';
import { useUiStore } from '../state/ui.store.ts';
import { CredentialEditor } from './credential-editor.tsx';
import type { CredentialListing } from './credential-form.ts';
import {
  type CredentialsState,
  closeCredentials,
  saveCredential,
  selectCredential,
  startNewCredential,
  toggleTypeChooser,
  useCredentialsStore,
} from './credentials.store.ts';
import './credentials.css';

const selectListing = (state: CredentialsState) => state.listing;
const selectLoadError = (state: CredentialsState) => state.loadError;

/** The Credentials dialog: stored credentials on the left, the selected or new one's form on the right. */
export function CredentialsDialog() {
  const open = useUiStore((state) => state.dialog === 'credentials');
  const listing = useCredentialsStore(selectListing);
  const loadError = useCredentialsStore(selectLoadError);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    dialog.current?.focus();
    // Captured on the window, before the shell's shortcuts, wherever the focus is (a button that
    // got disabled while saving drops it to the body).
    window.addEventListener('keydown', onDialogKey, true);
    return () => window.removeEventListener('keydown', onDialogKey, true);
  }, [open]);
  if (!open) return null;
  return (
    <DialogBackdrop onClose={closeCredentials}>
      <div
        ref={dialog}
        className="dialog credentials-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Credentials"
        tabIndex={-1}
      >
        <h2>Credentials</h2>
        {loadError ? (
          <div className="credentials-banner error" role="alert">
            Cannot list the credentials: {loadError}
          </div>
        ) : null}
        {listing && !listing.store.writable ? (
          <div className="credentials-banner warning" role="alert">
            <strong>Credentials cannot be saved on this machine.</strong> {listing.store.reason}
          </div>
        ) : null}
        <div className="credentials-body">
          <CredentialList listing={listing} />
          <CredentialEditor />
        </div>
        <footer className="credentials-footer">
          <span className="muted small" data-testid="credentials-location">
            {listing ? `Stored in ${listing.store.location}` : 'Loading…'}
          </span>
          <button type="button" onClick={closeCredentials} title="Close (Escape)">
            Close
          </button>
        </footer>
      </div>
    </DialogBackdrop>
  );
}

/** Escape closes; Ctrl+S saves the credential (not the flow, which the shell would save). */
function onDialogKey(event: KeyboardEvent): void {
  if (event.key === 'Escape') {
    event.stopPropagation();
    closeCredentials();
  } else if (eventKeys(event) === 'mod+s') {
    event.preventDefault();
    event.stopPropagation();
    void saveCredential();
  }
}

const selectChoosingType = (state: CredentialsState) => state.choosingType;
const selectEditedId = (state: CredentialsState) =>
  state.form?.original ? state.form.original.id : state.form ? '' : undefined;

function CredentialList({ listing }: { listing: CredentialListing | undefined }) {
  const choosingType = useCredentialsStore(selectChoosingType);
  const editedId = useCredentialsStore(selectEditedId);
  const titles = new Map(listing?.types.map((type) => [type.type, type.title]));
  return (
    <nav className="credentials-list" aria-label="Stored credentials">
      <button type="button" aria-expanded={choosingType} onClick={toggleTypeChooser} disabled={!listing}>
        + New credential
      </button>
      {choosingType ? (
        <ul className="credentials-types" aria-label="Credential type">
          {listing?.types.map((type) => (
            <li key={type.type}>
              <button type="button" className="file-item" onClick={() => startNewCredential(type.type)}>
                {type.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {listing && listing.credentials.length === 0 ? (
        <p className="muted small">No credentials stored yet.</p>
      ) : null}
      <ul className="credentials-items">
        {listing?.credentials.map((credential) => (
          <li key={credential.id}>
            <button
              type="button"
              className="credentials-item"
              aria-current={credential.id === editedId ? 'true' : undefined}
              onClick={() => selectCredential(credential.id)}
            >
              <strong>{credential.id}</strong>
              <span className="muted small">
                {titles.get(credential.type) ?? credential.type} · {formatDate(credential.updatedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
