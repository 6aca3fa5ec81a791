import type { z } from 'zod';
import { FLOW_API_METHODS, type FlowApiMethodName, type FlowApiOutput } from '../contract/flow-api.ts';

/** The parsed (defaults applied) options a method's handler receives. */
export type HandlerInput<M extends FlowApiMethodName> = z.output<(typeof FLOW_API_METHODS)[M]['input']>;

/**
 * Handlers for some of the FlowApi's methods. A handler gets parsed input, returns the value
 * and throws a BridgeflowError for failures; the dispatcher turns both into a Result.
 */
export type AreaHandlers<M extends FlowApiMethodName> = {
  [K in M]: (input: HandlerInput<K>) => Promise<FlowApiOutput<K>>;
};

/** Handlers for every method. */
export type FlowApiHandlers = AreaHandlers<FlowApiMethodName>;

export { FLOW_API_METHODS };
