import { z } from 'zod';
import { json, type SimulatorHandler } from '../common/simulator-http.ts';
import { callOptions } from './m3-endpoint.ts';
import { v2Body, v2Result } from './m3-response-v2.ts';
import { type M3Runtime, refuseUnauthenticated } from './m3-runtime.ts';
import { runTransaction } from './m3-transaction.ts';

// The v2 bulk execute (reference B1, from a public TS client [T]):
//   POST /m3api-rest/v2/execute?format=COMPACT&maxrecs=0&cono=..
//   {"program":"OIS100MI","cono":100,"transactions":[{"transaction":"AddBatchLine",
//    "record":{"ORNO":"...","ITNO":"..."},"selectedColumns":[...]}]}
// Transactions run in order; each failure is reported in its own result and the rest still run,
// so the answer is HTTP 200 with the errors inside (clients must check nrOfFailedTransactions).
// Only a body that cannot be read at all is refused (400, wasTerminated).

const BulkRequestSchema = z.object({
  program: z.string().min(1),
  cono: z.union([z.number(), z.string()]).optional(),
  divi: z.string().optional(),
  excludeEmptyValues: z.boolean().optional(),
  rightTrim: z.boolean().optional(),
  maxReturnedRecords: z.number().int().min(0).optional(),
  transactions: z
    .array(
      z.object({
        transaction: z.string().min(1),
        // Values should be strings (B4); numbers and booleans are taken as their text.
        record: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
        selectedColumns: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

type BulkRequest = z.infer<typeof BulkRequestSchema>;

function parseBody(body: Buffer): { request: BulkRequest } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { problem: 'The request body is not JSON' };
  }
  const result = BulkRequestSchema.safeParse(parsed);
  return result.success ? { request: result.data } : { problem: z.prettifyError(result.error) };
}

/** Query options, then the body's own settings over them. */
function rawOptions(query: URLSearchParams, request: BulkRequest): Map<string, string> {
  const raw = new Map<string, string>();
  for (const [name, value] of query) raw.set(name.toLowerCase(), value);
  if (request.cono !== undefined) raw.set('cono', String(request.cono));
  if (request.maxReturnedRecords !== undefined) raw.set('maxrecs', String(request.maxReturnedRecords));
  if (request.excludeEmptyValues !== undefined) raw.set('excludeempty', String(request.excludeEmptyValues));
  if (request.rightTrim !== undefined) raw.set('righttrim', String(request.rightTrim));
  return raw;
}

/** POST `.../m3api-rest/v2/execute`. */
export function bulkHandler(runtime: M3Runtime): SimulatorHandler {
  return (request) => {
    const refusal = refuseUnauthenticated(runtime, request);
    if (refusal !== undefined) return refusal;
    const body = parseBody(request.body);
    if ('problem' in body) {
      return json(400, {
        results: [],
        wasTerminated: true,
        terminationReason: body.problem,
        nrOfSuccessfullTransactions: 0,
        nrOfFailedTransactions: 0,
      });
    }
    const options = callOptions(rawOptions(request.query, body.request), 'v2', runtime.behaviour);
    const results = body.request.transactions.map((entry) => {
      const input = Object.fromEntries(
        Object.entries(entry.record).map(([name, value]) => [name.toUpperCase(), String(value)]),
      );
      const columns = entry.selectedColumns?.map((column) => column.toUpperCase());
      const invocation = { program: body.request.program, transaction: entry.transaction, input };
      const outcome = runTransaction(
        runtime.programs,
        { ...invocation, company: options.company },
        runtime.context,
      );
      return v2Result(entry.transaction, input, outcome, {
        ...options,
        returnColumns: columns ?? options.returnColumns,
      });
    });
    return json(200, v2Body(results));
  };
}
