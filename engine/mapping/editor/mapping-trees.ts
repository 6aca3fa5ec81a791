import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingSchema } from '../schemas/mapping-schemas.ts';
import type { SourceTreeField, TargetTreeField } from './editor-tree.ts';
import { buildSourceTree } from './source-tree.ts';
import { buildTargetTree } from './target-tree.ts';

/** Both trees of the mapping editor, and the schema ids that were not found. */
export interface MappingTrees {
  source: SourceTreeField[];
  target: TargetTreeField[];
  unknownSchemas: string[];
}

/**
 * The editor's trees for a mapping node: the source tree from its source schema id
 * (`threedcart.Order`) merged with the samples, the target tree from its target schema id. Without
 * a source schema the source tree comes from the samples alone; without a target schema the
 * target tree is empty (the mapping writes free-form records).
 */
export function buildMappingTrees(request: {
  sourceSchema?: string;
  targetSchema?: string;
  samples: readonly JsonValue[];
}): MappingTrees {
  const unknownSchemas: string[] = [];
  const find = (id: string | undefined) => {
    if (!id) return undefined;
    const schema = mappingSchema(id);
    if (!schema) unknownSchemas.push(id);
    return schema;
  };
  const sourceSchema = find(request.sourceSchema);
  const targetSchema = find(request.targetSchema);
  return {
    source: buildSourceTree(sourceSchema, request.samples),
    target: targetSchema ? buildTargetTree(targetSchema) : [],
    unknownSchemas,
  };
}
