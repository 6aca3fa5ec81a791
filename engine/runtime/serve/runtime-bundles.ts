import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeflowError, toErrorData } from '../../errors/bridgeflow-error.ts';
import { mebibytes, readTextFile } from '../../files/text-file.ts';
import type { LookupTableRepository } from '../../mapping/lookups/lookup-table-repository.ts';
import { type Bundle, type BundledLookupTable, readBundle } from '../bundle.ts';

/** A bundle as the runtime loaded it, with the file it came from (for messages). */
export interface LoadedBundle extends Bundle {
  file: string;
}

const BUNDLE_SUFFIX = '.bundle.json';
const MAX_BUNDLE_MB = 50;

/**
 * Reads and verifies every bundle named by `locations`: a file, or a folder whose `*.bundle.json`
 * files are all loaded (what `bridgeflow export` writes). Throws INPUT_INVALID naming the file
 * and the reason when any bundle is unreadable or invalid, or when two bundles carry the same flow:
 * the runtime refuses to start rather than serve some flows and silently drop others.
 */
export async function loadBundles(locations: readonly string[]): Promise<LoadedBundle[]> {
  const files: string[] = [];
  for (const location of locations) files.push(...(await bundleFiles(location)));
  if (files.length === 0) {
    throw new BridgeflowError('INPUT_INVALID', `No bundle found in ${locations.join(', ')}`);
  }
  const bundles: LoadedBundle[] = [];
  for (const file of files) {
    try {
      const text = await readTextFile(file, { maxBytes: mebibytes(MAX_BUNDLE_MB), label: 'Bundle' });
      bundles.push({ ...readBundle(text), file });
    } catch (thrown) {
      throw new BridgeflowError('INPUT_INVALID', `${file}: ${toErrorData(thrown).message}`);
    }
  }
  const byFlow = new Map<string, string>();
  for (const bundle of bundles) {
    const other = byFlow.get(bundle.manifest.flowId);
    if (other !== undefined) {
      throw new BridgeflowError(
        'INPUT_INVALID',
        `${other} and ${bundle.file} both hold flow "${bundle.manifest.flowId}"; serve one version of a flow at a time`,
      );
    }
    byFlow.set(bundle.manifest.flowId, bundle.file);
  }
  return bundles;
}

async function bundleFiles(location: string): Promise<string[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(location)).isDirectory();
  } catch (thrown) {
    throw new BridgeflowError('INPUT_INVALID', `Cannot read ${location}: ${toErrorData(thrown).message}`);
  }
  if (!isFolder) return [location];
  const names = await readdir(location);
  return names
    .filter((name) => name.endsWith(BUNDLE_SUFFIX))
    .sort()
    .map((name) => join(location, name));
}

/**
 * Writes the bundles' lookup tables into the runtime database, replacing what a previous start
 * left there: the bundle is the source of truth for the tables its flow was tested with. Two
 * bundles that carry different contents under one table name are refused, because one of the two
 * flows would silently look values up in the other's table.
 */
export function installLookupTables(
  repository: LookupTableRepository,
  bundles: readonly LoadedBundle[],
): void {
  const chosen = new Map<string, { table: BundledLookupTable; file: string }>();
  for (const bundle of bundles) {
    for (const table of bundle.lookupTables) {
      const earlier = chosen.get(table.name);
      if (earlier && JSON.stringify(earlier.table) !== JSON.stringify(table)) {
        throw new BridgeflowError(
          'INPUT_INVALID',
          `${earlier.file} and ${bundle.file} carry different lookup tables named '${table.name}'`,
        );
      }
      chosen.set(table.name, { table, file: bundle.file });
    }
  }
  for (const { table } of chosen.values()) {
    const settings = { description: table.description, keyLabel: table.keyLabel || 'Key' };
    if (repository.getTable(table.name)) {
      repository.updateTable(table.name, { ...settings, defaultValue: table.defaultValue ?? null });
    } else {
      repository.createTable({
        name: table.name,
        ...settings,
        ...(table.defaultValue === undefined ? {} : { defaultValue: table.defaultValue }),
      });
    }
    repository.writeRows(table.name, table.rows, 'replace');
  }
}
