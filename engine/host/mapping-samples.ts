import { relative } from 'node:path';
import type { MappingSampleSet } from '../contract/flow-api-mapping.ts';
import type { JsonValue } from '../contract/flow-document.ts';
import { SampleLibrary } from '../samples/sample-library.ts';
import { resolveInWorkspace } from './workspace-files.ts';

// A preview over hundreds of orders stops being live; the editor shows the first items of a set.
const MAX_ITEMS_PER_SET = 200;

/**
 * The sample sets the mapping editor offers: the flow's own `<flow>.samples/` folder and the
 * workspace's `samples/`, every payload split into items the way the manual trigger splits an
 * array payload, so each preview sample is one item the mapping node would receive.
 */
export async function mappingSampleSets(
  workspaceDir: string,
  flowPath?: string,
): Promise<MappingSampleSet[]> {
  const library = new SampleLibrary({
    workspaceDir,
    ...(flowPath ? { flowPath: await resolveInWorkspace(workspaceDir, flowPath) } : {}),
  });
  const sets: MappingSampleSet[] = [];
  for (const info of await library.listSets()) {
    const payloads = await library.readSet(info);
    const samples: MappingSampleSet['samples'] = [];
    for (const { name, payload } of payloads) {
      const items: JsonValue[] = Array.isArray(payload) ? payload : [payload];
      items.forEach((item, index) => {
        if (samples.length < MAX_ITEMS_PER_SET)
          samples.push({ name: items.length > 1 ? `${name} #${index + 1}` : name, item });
      });
    }
    const label = relative(workspaceDir, info.path).split('\\').join('/') || info.set;
    sets.push({ location: info.location, set: info.set, label, samples });
  }
  return sets;
}
