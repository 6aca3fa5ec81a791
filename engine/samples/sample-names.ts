import { BridgeflowError } from '../errors/bridgeflow-error.ts';

// Sample and sample-set names become file and folder names, and come from the designer (or a
// script) over the FlowApi: they are checked to be one plain path segment, so no name can reach
// outside the samples folder (`../`, absolute paths, drive letters) or make a file Windows refuses.

const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.()+-]{0,99}$/u;

/** Names Windows reserves for devices, in any case and with any extension (`con.json`). */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Why `name` cannot be a sample or set name, or undefined when it can. */
export function sampleNameProblem(name: string): string | undefined {
  if (!SAFE_NAME.test(name)) {
    return 'use 1 to 100 letters, digits, spaces and . _ - ( ) +, starting with a letter or digit';
  }
  if (name.includes('..')) return 'two dots in a row are not allowed';
  if (name.endsWith('.') || name.endsWith(' ')) return 'a name cannot end with a dot or a space';
  if (WINDOWS_DEVICES.test(name)) return 'Windows reserves this name for a device';
  return undefined;
}

/** Throws INPUT_INVALID naming the problem when `name` is not a safe sample (or set) name. */
export function checkSampleName(name: string, what: 'sample' | 'sample set'): string {
  const problem = sampleNameProblem(name);
  if (problem) {
    throw new BridgeflowError('INPUT_INVALID', `"${name}" cannot be a ${what} name: ${problem}`, {
      retryable: false,
    });
  }
  return name;
}

/** The file name of a sample: its name plus `.json` (names given with `.json` keep one). */
export function sampleFileName(name: string): string {
  return `${stripJson(name)}.json`;
}

/** A sample's name from its file name. */
export function stripJson(fileName: string): string {
  return fileName.toLowerCase().endsWith('.json') ? fileName.slice(0, -'.json'.length) : fileName;
}
