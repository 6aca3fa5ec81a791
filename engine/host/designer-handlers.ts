import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TemplateSummary } from '../contract/flow-api-designer.ts';
import type { FlowDocument } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { formatFlow } from '../flow/flow-format.ts';
import { parseFlowText } from '../flow/load-flow.ts';
import { validateFlow } from '../flow/validate-flow.ts';
import type { HostContext } from './host-context.ts';
import type { AreaHandlers } from './host-handlers.ts';
import { listFlowFiles, resolveInWorkspace, writeFileAtomically } from './workspace-files.ts';

/** Designer methods: node types, flow files, validation and templates. */
export function createDesignerHandlers(
  context: HostContext,
): AreaHandlers<
  | 'listNodeTypes'
  | 'listWorkspaceFiles'
  | 'openFlow'
  | 'saveFlow'
  | 'validateFlow'
  | 'formatFlow'
  | 'listTemplates'
  | 'openTemplate'
> {
  return {
    listNodeTypes: async () => ({ nodeTypes: context.registry.descriptions() }),
    listWorkspaceFiles: async () => ({
      workspace: context.workspaceDir,
      files: await listFlowFiles(context.workspaceDir),
    }),
    openFlow: async ({ path }) => {
      const text = await readExisting(await resolveInWorkspace(context.workspaceDir, path), path);
      return { path, ...parseAndValidate(text, path, context) };
    },
    saveFlow: async ({ path, document, overwrite }) => {
      const target = await resolveInWorkspace(context.workspaceDir, path);
      if (!overwrite && (await exists(target))) {
        throw new BridgeflowError('INPUT_INVALID', `${path} already exists`, { path: 'path' });
      }
      const text = formatFlow(document);
      await writeFileAtomically(target, text);
      return { path, bytes: Buffer.byteLength(text), problems: validateFlow(document, context.registry) };
    },
    validateFlow: async ({ document }) => ({ problems: validateFlow(document, context.registry) }),
    formatFlow: async ({ document }) => ({ text: formatFlow(document) }),
    listTemplates: async () => ({ templates: await listTemplates(context) }),
    openTemplate: async ({ id }) => {
      const file = await templateFile(context, id);
      if (!file) throw new BridgeflowError('FILE_NOT_FOUND', `There is no template "${id}"`, { path: 'id' });
      const opened = parseAndValidate(await readFile(file, 'utf8'), `${id}.flow.json`, context);
      return { path: `${id}.flow.json`, ...opened };
    },
  };
}

function parseAndValidate(text: string, fileName: string, context: HostContext) {
  const parsed = parseFlowText(text, { fileName });
  const problems = parsed.document ? validateFlow(parsed.document, context.registry) : parsed.problems;
  return {
    ...(parsed.document ? { document: parsed.document } : {}),
    problems,
    ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }),
  };
}

async function listTemplates(context: HostContext): Promise<TemplateSummary[]> {
  const entries = await readdir(context.templatesDir, { withFileTypes: true }).catch(() => []);
  const templates: TemplateSummary[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const file = await templateFile(context, entry.name);
    if (!file) continue;
    const document = parseFlowText(await readFile(file, 'utf8')).document;
    if (!document) continue;
    templates.push(summarise(entry.name, document, await readme(join(context.templatesDir, entry.name))));
  }
  return templates.sort((a, b) => a.name.localeCompare(b.name));
}

function summarise(id: string, document: FlowDocument, readmeText: string): TemplateSummary {
  const paragraph = readmeText
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !block.startsWith('#'));
  return {
    id,
    name: document.name,
    description: (paragraph ?? document.description).replace(/\s+/g, ' '),
    nodeCount: document.nodes.length,
  };
}

async function templateFile(context: HostContext, id: string): Promise<string | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(id)) return undefined;
  const folder = join(context.templatesDir, id);
  const names = await readdir(folder).catch(() => []);
  const flow = names.find((name) => name.endsWith('.flow.json'));
  return flow === undefined ? undefined : join(folder, flow);
}

async function readme(folder: string): Promise<string> {
  return readFile(join(folder, 'README.md'), 'utf8').catch(() => '');
}

async function readExisting(file: string, path: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (thrown) {
    const missing = thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT';
    throw new BridgeflowError(
      missing ? 'FILE_NOT_FOUND' : 'FILE_READ_FAILED',
      missing ? `${path} does not exist` : `${path} could not be read`,
      { path: 'path', cause: thrown },
    );
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
