import { z } from 'zod';
import type { Result } from './errors.ts';
import { CREDENTIAL_METHODS } from './flow-api-credentials.ts';
import { DESIGNER_METHODS } from './flow-api-designer.ts';
import { MAPPING_METHODS } from './flow-api-mapping.ts';
import { TEST_RUN_METHODS } from './flow-api-test-runs.ts';

/**
 * The FlowApi: everything the renderer can ask of the engine, as one table of methods. Each
 * method takes one JSON options object and answers with a {@link Result}; both sides are
 * described by zod schemas so every transport (Electron IPC, the web host's HTTP, tests'
 * in-memory calls) parses what crosses it. Areas keep their methods in their own file
 * (`flow-api-<area>.ts`) and are listed here — this is the whole IPC surface.
 */
export const FLOW_API_METHODS = {
  ...DESIGNER_METHODS,
  ...MAPPING_METHODS,
  ...TEST_RUN_METHODS,
  ...CREDENTIAL_METHODS,
} as const satisfies Record<string, FlowApiMethod>;

/** One method: the schema of its options and of its answer. */
export interface FlowApiMethod {
  input: z.ZodType;
  output: z.ZodType;
}

/** The name of a FlowApi method. */
export type FlowApiMethodName = keyof typeof FLOW_API_METHODS;

/** The options a method takes (before defaults are applied). */
export type FlowApiInput<M extends FlowApiMethodName> = z.input<(typeof FLOW_API_METHODS)[M]['input']>;

/** The value a method answers with on success. */
export type FlowApiOutput<M extends FlowApiMethodName> = z.output<(typeof FLOW_API_METHODS)[M]['output']>;

/** The FlowApi as the renderer sees it: one async function per method. */
export type FlowApi = {
  [M in FlowApiMethodName]: (input: FlowApiInput<M>) => Promise<Result<FlowApiOutput<M>>>;
};

/** Electron IPC channel that carries every FlowApi call as `(method, input)`. */
export const FLOW_API_CHANNEL = 'bridgeflow:flow-api';

/**
 * Electron IPC channel from the main process to the designer only: native menu items send one
 * {@link DesignerCommand} on it. The renderer never sends on it.
 */
export const DESIGNER_COMMAND_CHANNEL = 'bridgeflow:designer-command';

/** Every Electron IPC channel, in one place: the preload may touch these and no others. */
export const IPC_CHANNELS = {
  /** renderer → main, `invoke(method, input)` answered with a Result. */
  flowApi: FLOW_API_CHANNEL,
  /** main → renderer, `send(command)`. */
  designerCommand: DESIGNER_COMMAND_CHANNEL,
} as const;

/**
 * Commands a native menu can ask of the designer; each names a designer action of the same name
 * (renderer/app/designer-actions.ts), so a menu item and its keyboard shortcut do the same thing.
 */
export const DesignerCommandSchema = z.enum([
  'newFlow',
  'open',
  'save',
  'saveAs',
  'templates',
  'undo',
  'redo',
  'selectAll',
  'fitView',
  'autoLayout',
  'togglePanel',
  'toggleTheme',
  'credentials',
]);

/** A command sent on {@link DESIGNER_COMMAND_CHANNEL}. */
export type DesignerCommand = z.infer<typeof DesignerCommandSchema>;

/** Type guard for commands arriving over IPC. */
export function isDesignerCommand(value: unknown): value is DesignerCommand {
  return DesignerCommandSchema.safeParse(value).success;
}

/** Path prefix of the web host's FlowApi endpoint: `POST /api/<method>` with the input as JSON. */
export const FLOW_API_HTTP_PREFIX = '/api/';

/** Type guard for method names arriving over a transport. */
export function isFlowApiMethod(name: unknown): name is FlowApiMethodName {
  return typeof name === 'string' && Object.hasOwn(FLOW_API_METHODS, name);
}
