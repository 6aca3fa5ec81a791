import { basename, dirname, join } from 'node:path';
import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import {
  deleteSamplePath,
  exists,
  listSampleFiles,
  listSubfolders,
  readSampleFile,
  readSampleFolder,
  renameSampleFile,
  type SampleFileInfo,
  type SamplePayload,
  writeSampleFile,
} from './sample-files.ts';
import { checkSampleName, sampleFileName, stripJson } from './sample-names.ts';

/**
 * Where samples live: `flow` is the folder beside the flow file (`order.flow.json` →
 * `order.samples/`), `workspace` the workspace's `samples/` folder, shared by every flow.
 */
export type SampleLocation = 'flow' | 'workspace';

/** A sample set: a folder of samples. `set` is a sub-folder's name, or `""` for the location's own folder. */
export interface SampleSetRef {
  location: SampleLocation;
  set: string;
}

/** One sample: a `.json` trigger payload in a set. */
export interface SampleRef extends SampleSetRef {
  name: string;
}

/** A set as listed. */
export interface SampleSetInfo extends SampleSetRef {
  path: string;
  sampleCount: number;
}

/** A sample as listed. */
export type SampleInfo = SampleRef & Omit<SampleFileInfo, 'name'>;

/** Where a library looks: the flow file (for its `.samples` folder) and the workspace folder. */
export interface SampleLibraryOptions {
  flowPath?: string;
  workspaceDir?: string;
}

/** The samples folder of a flow file: `orders/order.flow.json` → `orders/order.samples`. */
export function sampleFolderOfFlow(flowPath: string): string {
  const file = basename(flowPath);
  const stem = file.replace(/\.flow\.json$/i, '').replace(/\.json$/i, '');
  return join(dirname(flowPath), `${stem}.samples`);
}

/**
 * The samples of one flow and its workspace: list, read, write, duplicate, rename and delete, by
 * name only. Every name is checked (sample-names.ts), so nothing outside the two folders is touched.
 */
export class SampleLibrary {
  readonly #roots: Partial<Record<SampleLocation, string>>;

  constructor(options: SampleLibraryOptions) {
    this.#roots = {
      ...(options.flowPath ? { flow: sampleFolderOfFlow(options.flowPath) } : {}),
      ...(options.workspaceDir ? { workspace: join(options.workspaceDir, 'samples') } : {}),
    };
  }

  /** Every set of both locations: each location's own folder (when it holds samples) and its sub-folders. */
  async listSets(): Promise<SampleSetInfo[]> {
    const sets: SampleSetInfo[] = [];
    for (const location of ['flow', 'workspace'] as const) {
      const root = this.#roots[location];
      if (!root) continue;
      const own = await listSampleFiles(root);
      if (own.length > 0) sets.push({ location, set: '', path: root, sampleCount: own.length });
      for (const set of await listSubfolders(root)) {
        if (checkableName(set) === undefined) continue;
        const path = join(root, set);
        sets.push({ location, set, path, sampleCount: (await listSampleFiles(path)).length });
      }
    }
    return sets;
  }

  /** The samples of a set, by name; none when the set does not exist yet. */
  async listSamples(set: SampleSetRef): Promise<SampleInfo[]> {
    const files = await listSampleFiles(this.setPath(set));
    return files.map(({ name, ...file }) => ({ ...set, name, ...file }));
  }

  read(ref: SampleRef): Promise<JsonValue> {
    return readSampleFile(this.samplePath(ref));
  }

  /** Every sample of a set, in name order. */
  readSet(set: SampleSetRef): Promise<SamplePayload[]> {
    return readSampleFolder(this.setPath(set));
  }

  /** Saves a sample, creating its set when needed; replaces an existing sample of that name. */
  async write(ref: SampleRef, payload: JsonValue): Promise<void> {
    await writeSampleFile(this.samplePath(ref), payload, 'replace');
  }

  /** Saves a new sample; INPUT_INVALID when one of that name exists. */
  async create(ref: SampleRef, payload: JsonValue): Promise<void> {
    await writeSampleFile(this.samplePath(ref), payload, 'create');
  }

  /** Copies a sample to `newName` (default: the first free "<name> copy", "<name> copy 2", ...). */
  async duplicate(ref: SampleRef, newName?: string): Promise<SampleRef> {
    const payload = await this.read(ref);
    const name = newName ?? (await this.#freeName(ref, `${stripJson(ref.name)} copy`));
    const copy = { ...ref, name };
    await writeSampleFile(this.samplePath(copy), payload, 'create');
    return copy;
  }

  async rename(ref: SampleRef, newName: string): Promise<SampleRef> {
    const renamed = { ...ref, name: newName };
    await renameSampleFile(this.samplePath(ref), this.samplePath(renamed));
    return renamed;
  }

  delete(ref: SampleRef): Promise<void> {
    return deleteSamplePath(this.samplePath(ref), 'file');
  }

  /** Deletes a sub-folder set and its samples; a location's own folder cannot be deleted this way. */
  deleteSet(set: SampleSetRef): Promise<void> {
    if (set.set === '') {
      throw new BridgeflowError('INPUT_INVALID', 'Choose a named sample set to delete', { retryable: false });
    }
    return deleteSamplePath(this.setPath(set), 'folder');
  }

  /** The folder of a set; INPUT_INVALID for an unsafe name or a location this library has no folder for. */
  setPath(set: SampleSetRef): string {
    const root = this.#roots[set.location];
    if (!root) {
      throw new BridgeflowError(
        'INPUT_INVALID',
        set.location === 'flow'
          ? 'The flow has not been saved to a file yet, so it has no samples folder'
          : 'No workspace folder is open, so there is no workspace samples folder',
        { retryable: false },
      );
    }
    return set.set === '' ? root : join(root, checkSampleName(set.set, 'sample set'));
  }

  samplePath(ref: SampleRef): string {
    return join(this.setPath(ref), sampleFileName(checkSampleName(ref.name, 'sample')));
  }

  async #freeName(ref: SampleRef, base: string): Promise<string> {
    for (let attempt = 1; attempt < 1000; attempt++) {
      const name = attempt === 1 ? base : `${base} ${attempt}`;
      if (!(await exists(this.samplePath({ ...ref, name })))) return name;
    }
    throw new BridgeflowError('INPUT_INVALID', `Too many copies of "${ref.name}"; rename some first`);
  }
}

/** Sub-folders with names the library would refuse (hidden folders, odd characters) are not sets. */
function checkableName(name: string): string | undefined {
  try {
    return checkSampleName(name, 'sample set');
  } catch {
    return undefined;
  }
}
