import { relative } from 'node:path';
import type { MappingSampleSet, SampleSetRef } from '../contract/flow-api-mapping.ts';
import type { JsonValue } from '../contract/flow-document.ts';
import type { SamplePayload } from '../samples/sample-files.ts';
import { SampleLibrary } from '../samples/sample-library.ts';
import { resolveInWorkspace } from './workspace-files.ts';

// A preview over hundreds of orders stops being live; the editor shows the first items of a set.
const MAX_ITEMS_PER_SET = 200;

type SampleItems = MappingSampleSet['samples'];

/** Splits payloads into items the way the manual trigger splits an array payload. */
function itemsOf(payloads: readonly SamplePayload[]): SampleItems {
  const samples: SampleItems = [];
  for (const { name, payload } of payloads) {
    const items: JsonValue[] = Array.isArray(payload) ? payload : [payload];
    items.forEach((item, index) => {
      if (samples.length < MAX_ITEMS_PER_SET)
        samples.push({ name: items.length > 1 ? `${name} #${index + 1}` : name, item });
    });
  }
  return samples;
}

async function libraryFor(workspaceDir: string, flowPath: string | undefined): Promise<SampleLibrary> {
  return new SampleLibrary({
    workspaceDir,
    ...(flowPath ? { flowPath: await resolveInWorkspace(workspaceDir, flowPath) } : {}),
  });
}

/**
 * The sample sets the mapping editor offers: the flow's own `<flow>.samples/` folder and the
 * workspace's `samples/`, each payload split into items, so each preview sample is one item the
 * mapping node would receive.
 */
export async function mappingSampleSets(
  workspaceDir: string,
  flowPath?: string,
): Promise<MappingSampleSet[]> {
  const library = await libraryFor(workspaceDir, flowPath);
  const sets: MappingSampleSet[] = [];
  for (const info of await library.listSets()) {
    const label = relative(workspaceDir, info.path).split('\\').join('/') || info.set;
    sets.push({
      location: info.location,
      set: info.set,
      label,
      samples: itemsOf(await library.readSet(info)),
    });
  }
  return sets;
}

/**
 * The items of sample sets named by reference, kept between calls: every edit in the editor
 * previews the same set, and reading and parsing it each time would cost more than mapping it.
 * A set is read again when any of its files changed (name, size or modification time).
 */
export function createSampleItemsCache(workspaceDir: string): (ref: SampleSetRef) => Promise<JsonValue[]> {
  const cache = new Map<string, { signature: string; items: JsonValue[] }>();
  return async (ref) => {
    const library = await libraryFor(workspaceDir, ref.flowPath);
    const files = await library.listSamples(ref);
    const signature = files.map((file) => `${file.name}|${file.sizeBytes}|${file.modifiedAt}`).join('\n');
    const key = JSON.stringify([ref.flowPath ?? '', ref.location, ref.set]);
    const cached = cache.get(key);
    if (cached?.signature === signature) return cached.items;
    const items = itemsOf(await library.readSet(ref)).map((sample) => sample.item);
    cache.set(key, { signature, items });
    return items;
  };
}
