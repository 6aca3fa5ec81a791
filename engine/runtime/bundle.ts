import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FlowDocument, JsonValue } from '../contract/flow-document.ts';
import { CURRENT_SCHEMA_VERSION } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { formatFlow } from '../flow/flow-format.ts';
import { parseJson } from '../flow/json-text.ts';
import { parseFlowText } from '../flow/load-flow.ts';
import { LOOKUP_MATCH_MODES, type LookupTable } from '../mapping/lookups/lookup-table.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** The bundle format this build writes and reads. */
export const BUNDLE_VERSION = 1;

const LookupTableSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string(),
  keyLabel: z.string(),
  defaultValue: z.string().optional(),
  rows: z.array(
    z.strictObject({
      key: z.string(),
      value: z.string(),
      match: z.enum(LOOKUP_MATCH_MODES),
      note: z.string().optional(),
    }),
  ),
});

/** What a runtime needs to know before it loads a bundle. */
export const BundleManifestSchema = z.strictObject({
  flowId: z.string(),
  flowName: z.string(),
  schemaVersion: z.number().int(),
  /** sha256 of the flow (stable format) and lookup tables: the bundle's version and its seal. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  createdAt: z.string(),
  /** Credentials the flow uses, by id and type; their secrets are never in the bundle. */
  requiredCredentials: z.array(
    z.strictObject({ id: z.string(), type: z.string(), nodes: z.array(z.string()) }),
  ),
  /** Environment variables that can provide those credentials to `bridgeflow serve`. */
  requiredEnvironment: z.array(z.string()),
  lookupTables: z.array(z.string()),
});

const BundleSchema = z.strictObject({
  bundleVersion: z.number().int(),
  manifest: BundleManifestSchema,
  flow: z.unknown(),
  lookupTables: z.array(LookupTableSchema),
});

export type BundleManifest = z.infer<typeof BundleManifestSchema>;
export type BundledLookupTable = z.infer<typeof LookupTableSchema>;

/** A verified bundle: the flow parsed and validated against its seal. */
export interface Bundle {
  manifest: BundleManifest;
  flow: FlowDocument;
  lookupTables: BundledLookupTable[];
}

/**
 * Packs a flow for `bridgeflow serve`: the flow, the lookup tables its mappings use and a
 * manifest. Credentials travel by id only. Throws INPUT_INVALID naming any table the flow uses
 * that `tables` does not hold, so a bundle never depends on the machine it was exported on.
 */
export function createBundle(
  flow: FlowDocument,
  registry: NodeRegistry,
  tables: (name: string) => LookupTable | undefined,
  now: Date = new Date(),
): string {
  const tableNames = lookupTablesOf(flow);
  const missing = tableNames.filter((name) => tables(name) === undefined);
  if (missing.length > 0) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `The flow uses lookup table${missing.length === 1 ? '' : 's'} ${missing.map((name) => `'${name}'`).join(', ')} that the store does not have`,
    );
  }
  const lookupTables = tableNames.map((name) => bundledTable(tables(name)));
  const credentials = credentialsOf(flow, registry);
  const manifest: BundleManifest = {
    flowId: flow.id,
    flowName: flow.name,
    schemaVersion: flow.schemaVersion,
    contentHash: contentHash(flow, lookupTables),
    createdAt: now.toISOString(),
    requiredCredentials: credentials,
    requiredEnvironment: credentials.map((credential) => credentialVariable(credential.id)),
    lookupTables: tableNames,
  };
  return `${JSON.stringify({ bundleVersion: BUNDLE_VERSION, manifest, flow: JSON.parse(formatFlow(flow)), lookupTables }, null, 2)}\n`;
}

/**
 * Reads a bundle and checks it before anything runs: a format or schema version this build does
 * not know, a flow that does not parse, or content that does not match the manifest's hash (edited
 * after export) is refused with the reason.
 */
export function readBundle(text: string): Bundle {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `The bundle is not valid JSON: line ${parsed.failure.line}, column ${parsed.failure.column}: ${parsed.failure.message}`,
    );
  }
  const shape = BundleSchema.safeParse(parsed.value);
  if (!shape.success)
    throw new BridgeflowError('INPUT_INVALID', `Not a Bridgeflow bundle: ${z.prettifyError(shape.error)}`);
  const { bundleVersion, manifest, lookupTables } = shape.data;
  if (bundleVersion !== BUNDLE_VERSION) {
    throw new BridgeflowError(
      'FLOW_SCHEMA_UNSUPPORTED',
      `Bundle format ${bundleVersion} is not supported by this version of Bridgeflow (it reads format ${BUNDLE_VERSION})`,
    );
  }
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new BridgeflowError(
      'FLOW_SCHEMA_UNSUPPORTED',
      `The bundled flow has schema version ${manifest.schemaVersion}; this version of Bridgeflow knows up to ${CURRENT_SCHEMA_VERSION}`,
    );
  }
  const { document, problems } = parseFlowText(JSON.stringify(shape.data.flow));
  if (!document) {
    throw new BridgeflowError(
      'FLOW_INVALID',
      `The bundled flow is invalid: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`,
    );
  }
  const actual = contentHash(document, lookupTables);
  if (actual !== manifest.contentHash) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `The bundle's content does not match its manifest (hash ${actual}, manifest says ${manifest.contentHash}): it was changed after export; export it again`,
    );
  }
  return { manifest, flow: document, lookupTables };
}

/** The variable that gives `bridgeflow serve` a credential (see createEnvironmentSecretStore). */
export function credentialVariable(credentialId: string): string {
  return `BRIDGEFLOW_CREDENTIAL_${credentialId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

function contentHash(flow: FlowDocument, tables: readonly BundledLookupTable[]): string {
  const hash = createHash('sha256')
    .update(formatFlow(flow))
    .update('\u0000')
    .update(JSON.stringify(tables.map(canonicalTable)));
  return `sha256:${hash.digest('hex')}`;
}

/** A table with its keys in one fixed order, so the hash does not depend on how JSON was written. */
function canonicalTable(table: BundledLookupTable): JsonValue {
  return [
    table.name,
    table.description,
    table.keyLabel,
    table.defaultValue ?? null,
    table.rows.map((row) => [row.key, row.value, row.match, row.note ?? null]),
  ];
}

function bundledTable(table: LookupTable | undefined): BundledLookupTable {
  if (!table) throw new Error('unreachable: missing tables are refused first');
  const bundled: BundledLookupTable = {
    name: table.name,
    description: table.description,
    keyLabel: table.keyLabel,
    rows: table.rows.map((row) => ({
      key: row.key,
      value: row.value,
      match: row.match,
      ...(row.note ? { note: row.note } : {}),
    })),
  };
  if (table.defaultValue !== undefined) bundled.defaultValue = table.defaultValue;
  return bundled;
}

function credentialsOf(flow: FlowDocument, registry: NodeRegistry): BundleManifest['requiredCredentials'] {
  const byId = new Map<string, { id: string; type: string; nodes: string[] }>();
  for (const node of flow.nodes) {
    const slots = registry.get(node.type, node.typeVersion)?.description.credentials ?? [];
    for (const [slot, id] of Object.entries(node.credentials ?? {})) {
      const type = slots.find((entry) => entry.slot === slot)?.type ?? 'unknown';
      const entry = byId.get(id) ?? { id, type, nodes: [] };
      entry.nodes.push(node.id);
      byId.set(id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const LOOKUP_CALL = /\$lookup\(\s*["']([^"']+)["']/g;

/** Lookup tables named in a flow: mapping `lookup` sources and `$lookup("table", …)` in expressions. */
export function lookupTablesOf(flow: FlowDocument): string[] {
  const names = new Set<string>();
  const visit = (value: JsonValue): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(LOOKUP_CALL)) if (match[1]) names.add(match[1]);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      if (typeof value.lookup === 'string' && 'key' in value) names.add(value.lookup);
      for (const item of Object.values(value)) visit(item);
    }
  };
  for (const node of flow.nodes) visit(node.parameters);
  return [...names].sort();
}
