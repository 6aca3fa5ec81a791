import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { silentLogger, systemClock } from '../run/system-services.ts';
import { captureOrderSample } from '../samples/sample-capture.ts';
import { SampleLibrary } from '../samples/sample-library.ts';
import { checkSamplePayload, sampleSchemaOf } from '../test-runs/sample-schemas.ts';
import { listEnvironments, resolveEnvironment } from '../test-runs/test-environments.ts';
import type { HostContext } from './host-context.ts';
import type { AreaHandlers } from './host-handlers.ts';
import type { RunHostState } from './run-host-state.ts';
import { resolveInWorkspace } from './workspace-files.ts';

/** The sample library of a flow (by its workspace path) and the workspace. */
export async function libraryFor(context: HostContext, flowPath: string | undefined): Promise<SampleLibrary> {
  const absolute = flowPath ? await resolveInWorkspace(context.workspaceDir, flowPath) : undefined;
  return new SampleLibrary({
    workspaceDir: context.workspaceDir,
    ...(absolute ? { flowPath: absolute } : {}),
  });
}

/** Samples and environments of the test-run panel. */
export function createRunSampleHandlers(
  context: HostContext,
  state: RunHostState,
): AreaHandlers<
  | 'listSamples'
  | 'readSample'
  | 'saveSample'
  | 'duplicateSample'
  | 'renameSample'
  | 'deleteSample'
  | 'captureSample'
  | 'listEnvironments'
  | 'sampleSchema'
  | 'checkSample'
> {
  return {
    listSamples: async ({ flowPath }) => {
      const library = await libraryFor(context, flowPath);
      const sets = await library.listSets();
      return {
        sets: await Promise.all(
          sets.map(async (set) => ({
            location: set.location,
            set: set.set,
            samples: (await library.listSamples(set)).map(({ name, sizeBytes, modifiedAt }) => ({
              name,
              sizeBytes,
              modifiedAt,
            })),
          })),
        ),
      };
    },
    readSample: async ({ flowPath, ref }) => ({
      payload: await (await libraryFor(context, flowPath)).read(ref),
    }),
    saveSample: async ({ flowPath, ref, payload, create }) => {
      const library = await libraryFor(context, flowPath);
      await (create ? library.create(ref, payload) : library.write(ref, payload));
      return {};
    },
    duplicateSample: async ({ flowPath, ref, newName }) => ({
      ref: await (await libraryFor(context, flowPath)).duplicate(ref, newName),
    }),
    renameSample: async ({ flowPath, ref, newName }) => ({
      ref: await (await libraryFor(context, flowPath)).rename(ref, newName),
    }),
    deleteSample: async ({ flowPath, ref }) => {
      await (await libraryFor(context, flowPath)).delete(ref);
      return {};
    },
    captureSample: async ({ flowPath, ref, orderIds, environment, credentialId, anonymise }) => {
      const resolved = await resolveEnvironment(environment, state.environmentSources());
      const credentials = await resolved.secrets.get(credentialId);
      if (!credentials) {
        throw new BridgeflowError(
          'CONNECTOR_AUTH',
          `Environment "${environment}" has no credential "${credentialId}" to read the store with`,
        );
      }
      const capture = await captureOrderSample(await libraryFor(context, flowPath), ref, {
        orderIds,
        credentials,
        anonymise,
        services: { http: state.http, clock: systemClock, logger: silentLogger },
      });
      return { ref, orders: capture.orders.length };
    },
    listEnvironments: async () => ({ environments: await listEnvironments(context.workspaceDir) }),
    sampleSchema: async ({ document, triggerNodeId }) =>
      sampleSchemaOf(document, context.registry, triggerNodeId),
    checkSample: async ({ document, payload, triggerNodeId }) =>
      checkSamplePayload(document, context.registry, payload, triggerNodeId),
  };
}
