import { MAPPING_EXTENSION } from '../mapping/mapping-extension.ts';
import { TEST_RUNS_EXTENSION } from '../test-runs/test-runs-extension.ts';
import type { DesignerExtension } from './extensions.ts';

/** Every extension of the designer shell, in the order their tabs and buttons appear. */
export const DESIGNER_EXTENSIONS: readonly DesignerExtension[] = [MAPPING_EXTENSION, TEST_RUNS_EXTENSION];
