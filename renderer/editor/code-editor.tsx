import Editor, { type OnMount } from '@monaco-editor/react';
import { useUiStore } from '../state/ui.store.ts';
import './monaco-setup.ts';

/** Props of {@link CodeEditor}. */
export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  /** `jsonata` (default), `json` or any Monaco language. */
  language?: string;
  /** Height in pixels; single-line expression fields use a small one. */
  height?: number | string;
  readOnly?: boolean;
  /** Label for screen readers and tests. */
  ariaLabel: string;
  onMount?: OnMount;
}

/** Monaco, themed with the app, loaded from the local package (see monaco-setup.ts). */
export function CodeEditor({
  value,
  onChange,
  language = 'jsonata',
  height = 60,
  readOnly,
  ariaLabel,
  onMount,
}: CodeEditorProps) {
  const theme = useUiStore((state) => state.theme);
  return (
    <div className="code-editor" data-testid={`code-editor-${ariaLabel}`}>
      <Editor
        value={value}
        language={language}
        height={height}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(next) => onChange?.(next ?? '')}
        onMount={onMount}
        options={{
          ariaLabel,
          readOnly: readOnly ?? false,
          minimap: { enabled: false },
          lineNumbers: 'off',
          folding: language === 'json',
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          fontSize: 12,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          automaticLayout: true,
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
