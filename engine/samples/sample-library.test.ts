import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SampleLibrary, sampleFolderOfFlow } from './sample-library.ts';
import { sampleNameProblem } from './sample-names.ts';

describe('SampleLibrary', () => {
  let workspace: string;
  let library: SampleLibrary;

  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-samples-'));
    library = new SampleLibrary({ flowPath: join(workspace, 'orders.flow.json'), workspaceDir: workspace });
  });
  afterEach(() => rm(workspace, { recursive: true, force: true }));

  it('keeps flow samples beside the flow file and workspace samples in samples/', async () => {
    expect(sampleFolderOfFlow('/w/flows/order-to-sage300.flow.json')).toBe(
      '/w/flows/order-to-sage300.samples',
    );
    await library.write({ location: 'flow', set: '', name: 'guest order' }, { OrderID: 1 });
    await library.write({ location: 'workspace', set: 'edge cases', name: 'zero-tax' }, [{ OrderID: 2 }]);
    expect(await readdir(join(workspace, 'orders.samples'))).toEqual(['guest order.json']);
    expect(
      JSON.parse(await readFile(join(workspace, 'samples', 'edge cases', 'zero-tax.json'), 'utf8')),
    ).toEqual([{ OrderID: 2 }]);
    const sets = await library.listSets();
    expect(sets.map(({ location, set, sampleCount }) => ({ location, set, sampleCount }))).toEqual([
      { location: 'flow', set: '', sampleCount: 1 },
      { location: 'workspace', set: 'edge cases', sampleCount: 1 },
    ]);
  });

  it('lists, reads, duplicates, renames and deletes samples by name', async () => {
    const set = { location: 'flow', set: 'orders' } as const;
    await library.write({ ...set, name: 'b-order' }, { OrderID: 2 });
    await library.write({ ...set, name: 'a-order' }, { OrderID: 1 });
    expect((await library.listSamples(set)).map((sample) => sample.name)).toEqual(['a-order', 'b-order']);

    const copy = await library.duplicate({ ...set, name: 'a-order' });
    const second = await library.duplicate({ ...set, name: 'a-order' });
    expect([copy.name, second.name]).toEqual(['a-order copy', 'a-order copy 2']);
    expect(await library.read(copy)).toEqual({ OrderID: 1 });

    const renamed = await library.rename(copy, 'guest');
    expect(await library.read(renamed)).toEqual({ OrderID: 1 });
    await expect(library.rename(second, 'b-order')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await library.delete(second);
    await expect(library.read(second)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect((await library.readSet(set)).map((sample) => sample.name)).toEqual([
      'a-order',
      'b-order',
      'guest',
    ]);
  });

  it('refuses names that would reach outside the samples folder', async () => {
    for (const name of [
      '../escape',
      '..',
      'a/b',
      'a\\b',
      '/etc/passwd',
      'C:evil',
      '.hidden',
      'nul',
      'x..y',
      '',
    ]) {
      await expect(library.write({ location: 'flow', set: '', name }, {})).rejects.toMatchObject({
        code: 'INPUT_INVALID',
      });
      // The empty set name is the location's own folder, a valid set.
      if (name === '') continue;
      await expect(library.listSamples({ location: 'workspace', set: name })).rejects.toMatchObject({
        code: 'INPUT_INVALID',
      });
    }
    expect(sampleNameProblem('Order 20931 (Müller)')).toBeUndefined();
    expect(await readdir(workspace)).toEqual([]);
  });

  it('reports a sample that is not JSON with its line and column', async () => {
    const set = { location: 'workspace', set: '' } as const;
    await library.write({ ...set, name: 'good' }, { ok: true });
    await writeFile(join(workspace, 'samples', 'broken.json'), '{\n  "OrderID": 1,\n}\n');
    await expect(library.read({ ...set, name: 'broken' })).rejects.toThrow(/line 3, column 1/);
  });

  it('says when a location has no folder', async () => {
    const unsaved = new SampleLibrary({ workspaceDir: workspace });
    await expect(unsaved.listSamples({ location: 'flow', set: '' })).rejects.toThrow(/not been saved/);
  });
});
