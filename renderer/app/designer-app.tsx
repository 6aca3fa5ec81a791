import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { CredentialsDialog } from '../credentials/credentials-dialog.tsx';
import { FlowCanvas } from '../designer/flow-canvas.tsx';
import { Inspector } from '../designer/inspector/inspector.tsx';
import { Palette } from '../designer/palette.tsx';
import { isDirty, useDesignerStore } from '../state/designer.store.ts';
import { openNodeEditor, useUiStore } from '../state/ui.store.ts';
import { BottomPanel } from './bottom-panel.tsx';
import { isEditingText, listenToClipboard } from './clipboard-events.ts';
import { canvasControls, DESIGNER_ACTIONS, startDesigner } from './designer-actions.ts';
import { DESIGNER_EXTENSIONS } from './designer-extensions.ts';
import { FileDialogs } from './file-dialogs.tsx';
import { listenToMenuCommands } from './menu-commands.ts';
import { ALWAYS_AVAILABLE_ACTIONS, shortcutFor } from './shortcuts.ts';
import { StatusBar } from './status-bar.tsx';
import { Toolbar } from './toolbar.tsx';

const NODE_EDITORS = DESIGNER_EXTENSIONS.flatMap((extension) => extension.nodeEditors ?? []);

/** The designer: toolbar, palette, canvas, inspector, bottom panel and status bar. */
export function App() {
  const theme = useUiStore((state) => state.theme);
  useEffect(listenToMenuCommands, []);
  useEffect(() => {
    void startDesigner();
    const stopClipboard = listenToClipboard();
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      stopClipboard();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Palette />
        <main className="workbench">
          <FlowCanvas />
          <CanvasControlsBridge />
        </main>
        <Inspector />
        <BottomPanel />
        <StatusBar />
        <FileDialogs />
        <CredentialsDialog />
        <NodeEditorOverlay />
      </div>
    </ReactFlowProvider>
  );
}

/** Lets actions outside React (shortcuts, toolbar) fit the view. */
function CanvasControlsBridge() {
  const { fitView } = useReactFlow();
  useEffect(() => {
    canvasControls.fitView = () => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
    return () => {
      canvasControls.fitView = undefined;
    };
  }, [fitView]);
  return null;
}

/** The full-screen editor of the node being edited (mapping editor, ...), when an extension has one. */
function NodeEditorOverlay() {
  const nodeId = useUiStore((state) => state.editorNodeId);
  const node = useDesignerStore((state) => state.document.nodes.find((candidate) => candidate.id === nodeId));
  const editor = node ? NODE_EDITORS.find((candidate) => candidate.nodeType === node.type) : undefined;
  if (!node || !editor) return null;
  return (
    <div className="node-editor-overlay" role="dialog" aria-label={editor.title}>
      <editor.Component nodeId={node.id} onClose={() => openNodeEditor(undefined)} />
    </div>
  );
}

function onKeyDown(event: KeyboardEvent): void {
  const action = shortcutFor(event);
  if (!action || action === 'copy' || action === 'cut' || action === 'paste') return;
  if (isEditingText(event.target) && !ALWAYS_AVAILABLE_ACTIONS.has(action)) return;
  if (useUiStore.getState().dialog !== undefined || useUiStore.getState().editorNodeId !== undefined) {
    if (!ALWAYS_AVAILABLE_ACTIONS.has(action)) return;
  }
  event.preventDefault();
  void DESIGNER_ACTIONS[action]();
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (isDirty(useDesignerStore.getState())) event.preventDefault();
}
