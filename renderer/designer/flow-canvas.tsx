import {
  Background,
  type Connection as CanvasConnection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  type ReactFlowState,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useState } from 'react';
import type { FlowDocument } from '../../engine/contract/flow-document.ts';
import {
  beginGesture,
  type DesignerState,
  describeInState,
  edit,
  editTransient,
  endGesture,
  newId,
  select,
  useDesignerStore,
} from '../state/designer.store.ts';
import { addNode, connect, connectionProblem, moveNodes } from '../state/flow-commands.ts';
import { isLabelledPort, outputPorts } from '../state/node-ports.ts';
import { isMinimapShown, LARGE_FLOW_NODES, openNodeEditor, useUiStore } from '../state/ui.store.ts';
import { type CanvasNodeData, FlowNodeView } from './flow-node-view.tsx';
import { PALETTE_DRAG_TYPE } from './palette.tsx';

const NODE_TYPES = { bridgeflow: FlowNodeView };
/** Never zoom in past 100 % when fitting: a small flow should look like itself, not a poster. */
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.2 };
export const SNAP_GRID: [number, number] = [16, 16];

const selectDocument = (state: DesignerState) => state.document;
const selectSelection = (state: DesignerState) => state.selection;
/**
 * Below this zoom the canvas draws cheaply: no grid dots (a dense, costly pattern that far out),
 * no node shadows, no edge anti-aliasing — none of it visible at that size, all of it paid for on
 * every frame while panning a large flow.
 */
const DETAIL_MIN_ZOOM = 0.5;
/**
 * Below this zoom node text is under 5 px, unreadable; in large flows nodes then show as blocks,
 * which keeps panning hundreds of them smooth.
 */
const TEXT_MIN_ZOOM = 0.35;
type ZoomLevel = 'near' | 'out' | 'far';
const selectZoomLevel = (state: ReactFlowState): ZoomLevel => {
  const zoom = state.transform[2];
  return zoom >= DETAIL_MIN_ZOOM ? 'near' : zoom >= TEXT_MIN_ZOOM ? 'out' : 'far';
};
const ZOOM_CLASSES: Record<ZoomLevel, string> = {
  near: 'canvas',
  out: 'canvas zoomed-out',
  far: 'canvas zoomed-out far-out',
};

/** The flow as a React Flow graph; every change goes through the designer store's commands. */
export function FlowCanvas() {
  const document = useDesignerStore(selectDocument);
  const selection = useDesignerStore(selectSelection);
  const { screenToFlowPosition } = useReactFlow();
  const zoomLevel = useStore(selectZoomLevel);
  const detailed = zoomLevel === 'near';
  const minimapShown = useUiStore((state) => isMinimapShown(state.minimap, document.nodes.length));
  const edges = useMemo(() => toCanvasEdges(document, selection.edgeIds), [document, selection.edgeIds]);
  // Sizes React Flow measured; nodes are controlled, so they go back in with each render
  // (the minimap and fit-view need them).
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const nodes = useMemo(
    () => toCanvasNodes(document, selection.nodeIds, sizes),
    [document, selection.nodeIds, sizes],
  );
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    applyNodeChanges(changes);
    const measured = changes.flatMap((change) =>
      change.type === 'dimensions' && change.dimensions ? [[change.id, change.dimensions] as const] : [],
    );
    if (measured.length > 0) setSizes((previous) => new Map([...previous, ...measured]));
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      const description = useDesignerStore.getState().nodeTypesByType.get(type);
      if (!description) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = newId('node');
      if (edit((current) => addNode(current, { id, description, position }))) {
        select({ nodeIds: [id], edgeIds: [] });
      }
    },
    [screenToFlowPosition],
  );

  return (
    // The drop target of palette drags; keyboard users add nodes with Enter on a palette item.
    <div
      className={
        ZOOM_CLASSES[zoomLevel === 'far' && document.nodes.length <= LARGE_FLOW_NODES ? 'out' : zoomLevel]
      }
      data-testid="canvas"
      role="application"
      onDragOver={allowPaletteDrop}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={applyEdgeChanges}
        onConnect={onConnect}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onNodeDoubleClick={(_event, node) => openNodeEditor(node.id)}
        snapToGrid
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        {detailed ? <Background gap={SNAP_GRID[0]} /> : null}
        {minimapShown ? <MiniMap pannable zoomable ariaLabel="Minimap" /> : null}
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function allowPaletteDrop(event: DragEvent): void {
  if (event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
}

function onConnect(connection: CanvasConnection): void {
  const state = useDesignerStore.getState();
  const wanted = {
    source: connection.source,
    sourceHandle: connection.sourceHandle ?? 'main',
    target: connection.target,
    targetHandle: connection.targetHandle ?? 'main',
  };
  const problem = connectionProblem(state.document, wanted, (node) => describeInState(state, node));
  edit((document) => problem ?? connect(document, wanted, newId('edge')));
}

function applyNodeChanges(changes: NodeChange[]): void {
  const positions = new Map<string, { x: number; y: number }>();
  let selectionChanged = false;
  const selected = new Set(useDesignerStore.getState().selection.nodeIds);
  for (const change of changes) {
    if (change.type === 'position' && change.position) positions.set(change.id, change.position);
    if (change.type === 'select') {
      selectionChanged = true;
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
    }
  }
  if (positions.size > 0) editTransient((document) => moveNodes(document, positions));
  if (selectionChanged) {
    select({ nodeIds: [...selected], edgeIds: useDesignerStore.getState().selection.edgeIds });
  }
}

function applyEdgeChanges(changes: EdgeChange[]): void {
  const selected = new Set(useDesignerStore.getState().selection.edgeIds);
  let changed = false;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    changed = true;
    if (change.selected) selected.add(change.id);
    else selected.delete(change.id);
  }
  if (changed) select({ nodeIds: useDesignerStore.getState().selection.nodeIds, edgeIds: [...selected] });
}

interface Size {
  width: number;
  height: number;
}

function toCanvasNodes(
  document: FlowDocument,
  selectedIds: readonly string[],
  sizes: ReadonlyMap<string, Size>,
): Node<CanvasNodeData>[] {
  const selected = new Set(selectedIds);
  return document.nodes.map((node) => {
    const measured = sizes.get(node.id);
    return {
      id: node.id,
      type: 'bridgeflow',
      position: node.position,
      data: { nodeId: node.id },
      selected: selected.has(node.id),
      ...(measured ? { measured } : {}),
    };
  });
}

function toCanvasEdges(document: FlowDocument, selectedIds: readonly string[]): Edge[] {
  const state = useDesignerStore.getState();
  const selected = new Set(selectedIds);
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  return document.edges.map((edge) => {
    const source = byId.get(edge.source);
    const port = source
      ? outputPorts(source, describeInState(state, source)).find(
          (candidate) => candidate.name === edge.sourceHandle,
        )
      : undefined;
    const label = port && isLabelledPort(port) ? port.label : undefined;
    return {
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
      targetHandle: edge.targetHandle,
      selected: selected.has(edge.id),
      className: edge.sourceHandle === 'error' ? 'edge-error' : undefined,
      ...(label === undefined ? {} : { label }),
    };
  });
}
