/** Where a command writes; the entry point passes the process streams, tests can pass buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The run itself failed (a node failed, the run was cancelled). */
  runFailed: 1,
  /** The flow is invalid, a file could not be read, or the command line is wrong. */
  invalid: 2,
} as const;

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
