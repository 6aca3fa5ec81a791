import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { mebibytes, readTextFile } from '../files/text-file.ts';
import { parseJson } from '../flow/json-text.ts';
import type { LookupResolver } from '../mapping/mapping-function.ts';
import type { SecretStore } from '../run/services.ts';
import { sampleNameProblem } from '../samples/sample-names.ts';
import type { SandboxOnDemand } from './sandbox-on-demand.ts';

// Where a test run's calls go. `dry-run`: reads answered by the sandbox simulators and every write
// intercepted and recorded, so a dry run never touches a real system, not even to read (and works
// before any credential is set up). `sandbox`: the simulators, reads and writes. A named environment
// is a file `environments/<name>.json` in the workspace that says where each credential id of the
// flows comes from; it holds no secret itself, so it can be committed with the flows. `saved` and
// `saved-dry-run`: the designer's own saved credentials, each slot's id looked up as it is (no
// file needed), writes sent or intercepted.

/** Where one credential of a named environment comes from. */
const CredentialSourceSchema = z
  .object({
    /** `vault`: the app's encrypted credential store; `environment`: BRIDGEFLOW_CREDENTIAL_<ID> variables. */
    from: z.enum(['vault', 'environment']),
    /** The credential's id in that store. */
    id: z.string().min(1),
  })
  .strict();

/** A named environment file. Strict: a stray `password` field is refused, not silently kept. */
export const EnvironmentFileSchema = z
  .object({
    description: z.string().optional(),
    /** Intercept writes while reading from this environment's systems. */
    dryRun: z.boolean().default(false),
    /** Credential ids the flows use → where to get each. */
    credentials: z.record(z.string(), CredentialSourceSchema),
  })
  .strict();

export type EnvironmentFile = z.output<typeof EnvironmentFileSchema>;

/** The built-in environments; any other name is a file in the workspace. */
export const BUILT_IN_ENVIRONMENTS = ['dry-run', 'sandbox', 'saved', 'saved-dry-run'] as const;

/** An environment ready for runs. */
export interface TestEnvironment {
  name: string;
  kind: 'dry-run' | 'sandbox' | 'saved' | 'named';
  dryRun: boolean;
  secrets: SecretStore;
  /** Lookup tables the environment brings (the sandbox's); the host's own tables take precedence. */
  lookups?: LookupResolver;
}

/** An environment as the picker lists it. */
export interface EnvironmentInfo {
  name: string;
  kind: TestEnvironment['kind'];
  dryRun: boolean;
  description: string;
}

/** What environments are resolved against. */
export interface EnvironmentSources {
  sandbox: SandboxOnDemand;
  /** The app's credential store (the CLI passes the environment-variable store). */
  vault: SecretStore;
  /** BRIDGEFLOW_CREDENTIAL_<ID> variables. */
  environment: SecretStore;
  /** Where `environments/<name>.json` files are looked up; without it only the built-ins exist. */
  workspaceDir?: string;
}

/** Resolves `dry-run`, `sandbox` or a named environment; starts the sandbox when it is needed. */
export async function resolveEnvironment(
  name: string,
  sources: EnvironmentSources,
): Promise<TestEnvironment> {
  if (name === 'dry-run' || name === 'sandbox') {
    const credentials = await sources.sandbox.credentials();
    return {
      name,
      kind: name,
      dryRun: name === 'dry-run',
      secrets: { get: async (id) => credentials[id] },
      lookups: sources.sandbox.lookups(),
    };
  }
  if (name === 'saved' || name === 'saved-dry-run') {
    return { name, kind: 'saved', dryRun: name === 'saved-dry-run', secrets: sources.vault };
  }
  const file = await readEnvironmentFile(name, sources.workspaceDir);
  return {
    name,
    kind: 'named',
    dryRun: file.dryRun,
    secrets: {
      async get(id) {
        const source = file.credentials[id];
        if (!source) return undefined;
        return (source.from === 'vault' ? sources.vault : sources.environment).get(source.id);
      },
    },
  };
}

/** The built-ins and every valid environment file of the workspace, for the picker. */
export async function listEnvironments(workspaceDir: string | undefined): Promise<EnvironmentInfo[]> {
  const infos: EnvironmentInfo[] = [
    { name: 'dry-run', kind: 'dry-run', dryRun: true, description: 'Sandbox reads, every write intercepted' },
    {
      name: 'sandbox',
      kind: 'sandbox',
      dryRun: false,
      description: 'Local 3dcart, Sage 300 and M3 simulators',
    },
    {
      name: 'saved',
      kind: 'saved',
      dryRun: false,
      description: 'The systems your saved credentials point at (Credentials, Ctrl+Shift+K)',
    },
    {
      name: 'saved-dry-run',
      kind: 'saved',
      dryRun: true,
      description: 'Saved credentials for reads, every write intercepted',
    },
  ];
  if (!workspaceDir) return infos;
  const files = await readdir(join(workspaceDir, 'environments')).catch(() => []);
  for (const fileName of files.filter((each) => each.endsWith('.json')).sort()) {
    const name = fileName.slice(0, -'.json'.length);
    const file = await readEnvironmentFile(name, workspaceDir).catch(() => undefined);
    if (file) infos.push({ name, kind: 'named', dryRun: file.dryRun, description: file.description ?? '' });
  }
  return infos;
}

/** Reads and checks `environments/<name>.json`; INPUT_INVALID or FILE_NOT_FOUND with the reason. */
export async function readEnvironmentFile(
  name: string,
  workspaceDir: string | undefined,
): Promise<EnvironmentFile> {
  const problem = sampleNameProblem(name);
  if (problem)
    throw new BridgeflowError('INPUT_INVALID', `"${name}" cannot be an environment name: ${problem}`);
  if (!workspaceDir) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `Environment "${name}" is not built in (${BUILT_IN_ENVIRONMENTS.join(', ')}) and no workspace is open to look it up in`,
    );
  }
  const path = join(workspaceDir, 'environments', `${name}.json`);
  const text = await readTextFile(path, { maxBytes: mebibytes(1), label: 'Environment file' });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.failure;
    throw new BridgeflowError(
      'INPUT_INVALID',
      `${path} is not valid JSON: line ${line}, column ${column}: ${message}`,
      {
        path,
      },
    );
  }
  const checked = EnvironmentFileSchema.safeParse(parsed.value);
  if (!checked.success) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `${path} is not a valid environment (credential ids → {"from": "vault" | "environment", "id": …}; no secrets): ${describeIssues(checked.error.issues)}`,
      { path },
    );
  }
  return checked.data;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || '(the file)'}: ${issue.message}`).join('; ');
}
