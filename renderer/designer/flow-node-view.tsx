import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode, JsonValue } from '../../engine/contract/flow-document.ts';
import type { NodeDescription } from '../../engine/contract/node-description.ts';
import { DESIGNER_EXTENSIONS } from '../app/designer-extensions.ts';
import { type DesignerState, describeInState, useDesignerStore } from '../state/designer.store.ts';
import { isLabelledPort, outputPorts } from '../state/node-ports.ts';
import { nodeGlyph } from './node-icons.ts';

/** Data React Flow carries for each canvas node: only the id; everything else comes from the store. */
export interface CanvasNodeData extends Record<string, unknown> {
  nodeId: string;
}

const selectNode = (id: string) => (state: DesignerState) =>
  state.document.nodes.find((node) => node.id === id);
const selectProblemCount = (id: string) => (state: DesignerState) =>
  state.problems.filter((problem) => problem.nodeId === id && problem.severity === 'error').length;
const selectDescription = (node: FlowNode | undefined) => (state: DesignerState) =>
  node ? describeInState(state, node) : undefined;

const BADGES = DESIGNER_EXTENSIONS.flatMap((extension) => (extension.NodeBadge ? [extension.NodeBadge] : []));

/** A node on the canvas: icon, name, one-line summary, ports, disabled and problem badges. */
export const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps) {
  const nodeId = typeof data.nodeId === 'string' ? data.nodeId : '';
  const node = useDesignerStore(selectNode(nodeId));
  const description = useDesignerStore(selectDescription(node));
  const problems = useDesignerStore(selectProblemCount(nodeId));
  if (!node || !description) return null;
  const outputs = outputPorts(node, description);
  const classes = [
    'flow-node',
    selected ? 'selected' : '',
    node.disabled ? 'disabled' : '',
    problems ? 'has-problems' : '',
  ];
  return (
    <div className={classes.join(' ')} data-testid={`node-${node.name}`} data-node-id={node.id}>
      {description.inputs.map((port, index) => (
        <Handle
          key={port.name}
          type="target"
          id={port.name}
          position={Position.Left}
          style={{ top: portOffset(index, description.inputs.length) }}
        />
      ))}
      <div className="flow-node-header">
        <span className="flow-node-icon" aria-hidden="true">
          {nodeGlyph(description.icon, description.type)}
        </span>
        <span className="flow-node-name">{node.name}</span>
        {node.disabled ? <span className="badge badge-muted">off</span> : null}
        {problems > 0 ? (
          <span className="badge badge-error" title={`${problems} problem${problems === 1 ? '' : 's'}`}>
            {problems}
          </span>
        ) : null}
      </div>
      <div className="flow-node-summary">{summaryOf(node, description)}</div>
      {BADGES.map((Badge, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the extension list is fixed at build time
        <Badge key={index} nodeId={node.id} />
      ))}
      {outputs.map((port, index) => (
        <Handle
          key={port.name}
          type="source"
          id={port.name}
          position={Position.Right}
          style={{ top: portOffset(index, outputs.length) }}
          className={port.name === 'error' ? 'handle-error' : undefined}
        >
          {outputs.length > 1 && isLabelledPort(port) ? (
            <span className="handle-label">{port.label}</span>
          ) : null}
        </Handle>
      ))}
    </div>
  );
});

function portOffset(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

/** The key parameters in one line: `GET https://…` or the node type's summary. */
export function summaryOf(node: FlowNode, description: NodeDescription): string {
  const parts = description.summaryParameters
    .map((name) => node.parameters[name])
    .filter((value) => value !== undefined && value !== '')
    .map(shortText);
  return parts.length > 0 ? parts.join(' · ') : description.label;
}

function shortText(value: JsonValue | undefined): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}
