import { flowApi } from '../api/flow-api.ts';
import {
  isDirty,
  loadDocument,
  markSaved,
  newId,
  reportError,
  showNotice,
  useDesignerStore,
} from './designer.store.ts';
import { newFlowDocument } from './flow-commands.ts';
import { rememberRecent } from './recent-files.ts';

const get = useDesignerStore.getState;

/** Asks before unsaved changes would be thrown away; true when it is fine to go on. */
export function confirmDiscard(): boolean {
  if (!isDirty(get())) return true;
  return window.confirm('The open flow has unsaved changes. Discard them?');
}

export function newFlow(): void {
  if (!confirmDiscard()) return;
  loadDocument(newFlowDocument(newId('flow')), undefined, false);
}

export async function openFlow(path: string): Promise<boolean> {
  if (!confirmDiscard()) return false;
  const result = await flowApi().openFlow({ path });
  if (!result.ok) {
    reportError(result.error);
    return false;
  }
  const { document, problems } = result.value;
  if (!document) {
    showNotice('error', `${path} cannot be opened: ${problems[0]?.message ?? 'it is not a flow'}`);
    return false;
  }
  loadDocument(document, path, true);
  rememberRecent(path);
  return true;
}

/** Starts a new, unsaved flow from a template of the gallery. */
export async function newFromTemplate(id: string): Promise<boolean> {
  if (!confirmDiscard()) return false;
  const result = await flowApi().openTemplate({ id });
  if (!result.ok) {
    reportError(result.error);
    return false;
  }
  if (!result.value.document) {
    showNotice('error', `The template ${id} cannot be opened`);
    return false;
  }
  loadDocument({ ...result.value.document, id: newId('flow') }, undefined, false);
  return true;
}

/** Saves to the current path; answers false when the flow has no path yet (the UI asks for one). */
export async function save(): Promise<boolean> {
  const path = get().path;
  if (path === undefined) return false;
  return saveAs(path, true);
}

export async function saveAs(path: string, overwrite: boolean): Promise<boolean> {
  const fileName = path.endsWith('.flow.json') ? path : `${path.replace(/\.json$/, '')}.flow.json`;
  const document = get().document;
  const result = await flowApi().saveFlow({ path: fileName, document, overwrite });
  if (!result.ok) {
    reportError(result.error);
    return false;
  }
  markSaved(result.value.path, document, result.value.problems);
  rememberRecent(result.value.path);
  showNotice('info', `Saved ${result.value.path}`);
  return true;
}
