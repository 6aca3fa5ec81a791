import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowNode } from '../../../engine/contract/flow-document.ts';
import type { NodeDescription } from '../../../engine/contract/node-description.ts';
import { DESIGNER_EXTENSIONS } from '../../app/designer-extensions.ts';
import { CredentialSlotPicker } from '../../credentials/credential-slot.tsx';
import { type DesignerState, describeInState, edit, useDesignerStore } from '../../state/designer.store.ts';
import { renameNode, setParameter, updateNode } from '../../state/flow-commands.ts';
import { openNodeEditor } from '../../state/ui.store.ts';
import { nodeGlyph } from '../node-icons.ts';
import { asSchema } from './json-schema.ts';
import { type FormContext, ObjectFields } from './schema-field.tsx';

const selectSelectedNode = (state: DesignerState) =>
  state.selection.nodeIds.length === 1
    ? state.document.nodes.find((node) => node.id === state.selection.nodeIds[0])
    : undefined;
const selectSelectionSize = (state: DesignerState) =>
  state.selection.nodeIds.length + state.selection.edgeIds.length;

const EDITORS = DESIGNER_EXTENSIONS.flatMap((extension) => extension.nodeEditors ?? []);
const SECTIONS = DESIGNER_EXTENSIONS.flatMap((extension) =>
  extension.InspectorSection ? [extension.InspectorSection] : [],
);

/** The selected node's name, settings and parameters as a form generated from its schema. */
export function Inspector() {
  const node = useDesignerStore(selectSelectedNode);
  const count = useDesignerStore(selectSelectionSize);
  if (!node) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <p className="muted">{count > 1 ? `${count} elements selected.` : 'Select a node to edit it.'}</p>
      </aside>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      <NodeInspector key={node.id} node={node} />
    </aside>
  );
}

function NodeInspector({ node }: { node: FlowNode }) {
  const description = useDesignerStore((state) => describeInState(state, node));
  const problems = useDesignerStore((state) => state.problems);
  const focus = useDesignerStore((state) => state.focus);
  const root = useRef<HTMLDivElement>(null);
  const context: FormContext = useMemo(
    () => ({
      root: asSchema(description.parametersJsonSchema),
      expressionParameters: description.expressionParameters,
      problems: new Map(
        problems
          .filter((problem) => problem.nodeId === node.id && problem.parameter !== undefined)
          .map((problem) => [problem.parameter ?? '', problem.message]),
      ),
      change: (path, value) =>
        edit((document) => setParameter(document, node.id, path, value), `${node.id}:${path.join('.')}`),
      focus: focus?.nodeId === node.id ? focus.parameter : undefined,
    }),
    [description, problems, focus, node.id],
  );
  useEffect(() => {
    if (focus?.nodeId !== node.id || !focus.parameter) return;
    const field = root.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(focus.parameter)}"]`);
    field?.scrollIntoView({ block: 'center' });
    field
      ?.querySelector<HTMLElement>('input, select, textarea, [contenteditable], .monaco-editor textarea')
      ?.focus();
  }, [focus, node.id]);
  const nodeProblems = problems.filter(
    (problem) => problem.nodeId === node.id && problem.parameter === undefined,
  );
  const editor = EDITORS.find((candidate) => candidate.nodeType === node.type);
  return (
    <div ref={root} className="inspector-body" data-testid="inspector">
      <header className="inspector-header">
        <span className="flow-node-icon">{nodeGlyph(description.icon, description.type)}</span>
        <div>
          <NameField node={node} />
          <div className="muted small">
            {description.label} · {node.type} v{node.typeVersion}
          </div>
        </div>
      </header>
      {nodeProblems.map((problem) => (
        <div key={`${problem.code}${problem.path}`} className={`field-problem ${problem.severity}`}>
          {problem.message}
        </div>
      ))}
      {editor ? (
        <button type="button" className="primary" onClick={() => openNodeEditor(node.id)}>
          Open {editor.title}
        </button>
      ) : null}
      <label className="field-checkbox">
        <input
          type="checkbox"
          checked={node.disabled === true}
          onChange={(event) =>
            edit((document) =>
              updateNode(document, node.id, (current) => withFlag(current, event.target.checked)),
            )
          }
        />
        Disabled (passes items through)
      </label>
      <Credentials node={node} description={description} />
      <ObjectFields schema={context.root} value={node.parameters} path={[]} context={context} />
      {SECTIONS.map((Section, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the extension list is fixed at build time
        <Section key={index} nodeId={node.id} />
      ))}
      {description.docs ? (
        <details className="node-docs">
          <summary>About this node</summary>
          <p>{description.docs}</p>
        </details>
      ) : null}
    </div>
  );
}

function NameField({ node }: { node: FlowNode }) {
  const [name, setName] = useState(node.name);
  useEffect(() => setName(node.name), [node.name]);
  const commit = () => {
    if (name !== node.name && !edit((document) => renameNode(document, node.id, name))) setName(node.name);
  };
  return (
    <input
      className="node-name-input"
      aria-label="Node name"
      value={name}
      onChange={(event) => setName(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

/** One picker per credential slot; credentials are referenced by id, never stored in the flow. */
function Credentials({ node, description }: { node: FlowNode; description: NodeDescription }) {
  if (description.credentials.length === 0) return null;
  return (
    <fieldset className="field-group">
      <legend>Credentials</legend>
      {description.credentials.map((slot) => (
        <CredentialSlotPicker
          key={slot.slot}
          slot={slot}
          value={node.credentials?.[slot.slot] ?? ''}
          onChange={(id) =>
            edit((document) =>
              updateNode(document, node.id, (current) => withCredential(current, slot.slot, id)),
            )
          }
        />
      ))}
    </fieldset>
  );
}

function withFlag(node: FlowNode, disabled: boolean): FlowNode {
  const { disabled: _previous, ...rest } = node;
  return disabled ? { ...rest, disabled: true } : rest;
}

function withCredential(node: FlowNode, slot: string, id: string): FlowNode {
  const credentials = { ...node.credentials };
  if (id.trim() === '') delete credentials[slot];
  else credentials[slot] = id.trim();
  const { credentials: _previous, ...rest } = node;
  return Object.keys(credentials).length > 0 ? { ...rest, credentials } : rest;
}
