import { type FormEvent, useEffect, useState } from 'react';
import type { TemplateSummary, WorkspaceFile } from '../../engine/contract/flow-api-designer.ts';
import { flowApi } from '../api/flow-api.ts';
import { showNotice, useDesignerStore } from '../state/designer.store.ts';
import { newFromTemplate, openFlow, saveAs } from '../state/file-actions.ts';
import { recentFiles } from '../state/recent-files.ts';
import { openDialog, useUiStore } from '../state/ui.store.ts';
import { DialogBackdrop } from './dialog-backdrop.tsx';

/** The open, save-as and template dialogs (the browser has no native file dialogs). */
export function FileDialogs() {
  const dialog = useUiStore((state) => state.dialog);
  // The credentials dialog is its own component (renderer/credentials/).
  if (dialog === undefined || dialog === 'credentials') return null;
  const close = () => openDialog(undefined);
  return (
    <DialogBackdrop onClose={close}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={TITLES[dialog]}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <h2>{TITLES[dialog]}</h2>
        {dialog === 'open' ? <OpenDialog close={close} /> : null}
        {dialog === 'saveAs' ? <SaveAsDialog close={close} /> : null}
        {dialog === 'templates' ? <TemplatesDialog close={close} /> : null}
      </div>
    </DialogBackdrop>
  );
}

const TITLES = { open: 'Open flow', saveAs: 'Save flow as', templates: 'New from template' } as const;

function useWorkspaceFiles(): { workspace: string; files: WorkspaceFile[] } | undefined {
  const [listing, setListing] = useState<{ workspace: string; files: WorkspaceFile[] }>();
  useEffect(() => {
    void flowApi()
      .listWorkspaceFiles({})
      .then((result) => (result.ok ? setListing(result.value) : showNotice('error', result.error.message)));
  }, []);
  return listing;
}

function OpenDialog({ close }: { close: () => void }) {
  const listing = useWorkspaceFiles();
  const recent = recentFiles().filter((path) => listing?.files.some((file) => file.path === path));
  const open = async (path: string) => {
    close();
    await openFlow(path);
  };
  return (
    <>
      <p className="muted small">Workspace: {listing?.workspace ?? '…'}</p>
      {recent.length > 0 ? (
        <section>
          <h3>Recent</h3>
          <FileList paths={recent} onPick={open} />
        </section>
      ) : null}
      <section>
        <h3>All flows</h3>
        {listing && listing.files.length === 0 ? (
          <p className="muted">No flows in the workspace yet.</p>
        ) : null}
        <FileList paths={listing?.files.map((file) => file.path) ?? []} onPick={open} />
      </section>
      <div className="dialog-buttons">
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </>
  );
}

function FileList({ paths, onPick }: { paths: string[]; onPick: (path: string) => void }) {
  return (
    <ul className="file-list">
      {paths.map((path) => (
        <li key={path}>
          <button type="button" className="file-item" onClick={() => onPick(path)}>
            {path}
          </button>
        </li>
      ))}
    </ul>
  );
}

function SaveAsDialog({ close }: { close: () => void }) {
  const current = useDesignerStore((state) => state.path);
  const name = useDesignerStore((state) => state.document.name);
  const listing = useWorkspaceFiles();
  const [path, setPath] = useState(current ?? `${slug(name)}.flow.json`);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = path.endsWith('.flow.json') ? path : `${path}.flow.json`;
    const exists = listing?.files.some((file) => file.path === target) ?? false;
    if (exists && target !== current && !window.confirm(`${target} exists. Replace it?`)) return;
    if (await saveAs(target, true)) close();
  };
  return (
    <form onSubmit={submit}>
      <label className="field-label" htmlFor="save-as-path">
        File in the workspace
      </label>
      {/* biome-ignore lint/a11y/noAutofocus: the dialog exists to type this name; focus belongs here */}
      <input id="save-as-path" value={path} autoFocus onChange={(event) => setPath(event.target.value)} />
      <div className="dialog-buttons">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}

function TemplatesDialog({ close }: { close: () => void }) {
  const [templates, setTemplates] = useState<TemplateSummary[]>();
  useEffect(() => {
    void flowApi()
      .listTemplates({})
      .then((result) =>
        result.ok ? setTemplates(result.value.templates) : showNotice('error', result.error.message),
      );
  }, []);
  return (
    <>
      <div className="template-grid">
        {(templates ?? []).map((template) => (
          <button
            key={template.id}
            type="button"
            className="template-card"
            onClick={async () => {
              close();
              await newFromTemplate(template.id);
            }}
          >
            <strong>{template.name}</strong>
            <span className="muted small">{template.nodeCount} nodes</span>
            <span className="small">{template.description}</span>
          </button>
        ))}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </>
  );
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'flow'
  );
}
