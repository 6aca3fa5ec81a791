import type { DesignerExtension } from '../app/extensions.ts';
import { MappingEditor } from './mapping-editor.tsx';

/** The mapping editor, opened full-screen from `core.mapping` nodes. */
export const MAPPING_EXTENSION: DesignerExtension = {
  id: 'mapping',
  nodeEditors: [{ nodeType: 'core.mapping', title: 'Mapping editor', Component: MappingEditor }],
};
