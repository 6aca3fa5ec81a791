import { z } from 'zod';
import type { RemoteError } from '../../contract/errors.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { compileTemplate } from '../../expressions/template.ts';
import { defineNodeType, type ParameterProblem } from '../node-type.ts';

const parameters = z.object({
  /** Message with `{{ expression }}` parts evaluated on the item, e.g. `Order {{ OrderID }} has no lines`. */
  message: z.string().min(1).default('The flow was stopped'),
  /** The user's own code for alert rules and dead-letter grouping, e.g. `NO_LINES`. */
  errorCode: z.string().trim().default(''),
});

/** Fails the item (and, unless handled, the run) with a message of the user's. */
export const stopAndErrorNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.stopAndError',
    version: 1,
    label: 'Stop and error',
    category: 'utility',
    icon: 'octagon-x',
    summary: 'Stop the run with your own error message',
    docs: [
      "Fails every item that reaches it with the error `RUN_STOPPED_BY_NODE` and **Message**, which may hold `{{ expression }}` parts evaluated on the item. The error is never retried. With an **Error code** the message starts with it and the code is kept as the error's remote code, so alert rules and dead-letter groups can key on it.",
      '',
      'Example: after an If `$count(OrderItemList) = 0`, message `Order {{ OrderID }} has no lines`, code `NO_LINES`.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [],
    expressionParameters: ['message'],
    summaryParameters: ['errorCode', 'message'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    try {
      compileTemplate(parameters.message);
    } catch (thrown) {
      problems.push({
        parameter: 'message',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      });
    }
    return problems;
  },
  executeItem(json, context) {
    const { message, errorCode } = context.parameters;
    const rendered = compileTemplate(message).render(json);
    if (rendered instanceof Promise) {
      return rendered.then((text) => {
        throw stopError(text, errorCode);
      });
    }
    throw stopError(rendered, errorCode);
  },
});

function stopError(rendered: string, errorCode: string): BridgeflowError {
  const text = errorCode === '' ? rendered : `${errorCode}: ${rendered}`;
  const remote: RemoteError | undefined = errorCode === '' ? undefined : { code: errorCode };
  return new BridgeflowError('RUN_STOPPED_BY_NODE', text, {
    retryable: false,
    ...(remote ? { remote } : {}),
  });
}
