import type { OnMount } from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { type RefObject, useEffect, useRef } from 'react';
import type { FunctionCompletion, PathCompletion } from '../../engine/contract/mapping-editor-data.ts';
import { flowApi } from '../api/flow-api.ts';
import { CodeEditor } from '../editor/code-editor.tsx';
import { JSONATA_LANGUAGE } from '../editor/jsonata-language.ts';

// Monaco completion providers are global per language; the one registered here answers only for
// the models of mapping expression editors (keyed by model URI), so the inspector's JSONata
// fields never get mapping paths, and each mapping field gets the paths of its own place.
const completionsByModel = new Map<
  string,
  { functions: readonly FunctionCompletion[]; paths: readonly PathCompletion[] }
>();
let registered = false;

function registerCompletions(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider(JSONATA_LANGUAGE, {
    triggerCharacters: ['$', '.'],
    provideCompletionItems(model, position) {
      const active = completionsByModel.get(model.uri.toString());
      if (!active) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const before = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: Math.max(1, word.startColumn - 1),
        endLineNumber: position.lineNumber,
        endColumn: word.startColumn,
      });
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: before === '$' ? word.startColumn - 1 : word.startColumn,
        endColumn: word.endColumn,
      };
      const functions = active.functions.map((entry) => ({
        label: `$${entry.name}`,
        kind: monaco.languages.CompletionItemKind.Function,
        detail: entry.signature,
        documentation: [entry.description, entry.example ?? ''].join('\n\n'),
        insertText: `$${entry.name}($0)`,
        insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        range,
      }));
      const paths =
        before === '$'
          ? []
          : active.paths.map((entry) => ({
              label: entry.path,
              kind: monaco.languages.CompletionItemKind.Field,
              detail: `${entry.type} ${entry.detail}`,
              documentation: entry.description ?? '',
              insertText: entry.path,
              range,
            }));
      return { suggestions: [...functions, ...paths] };
    },
  });
}

/** Props of {@link ExpressionEditor}. */
export interface ExpressionEditorProps {
  value: string;
  onChange: (expression: string) => void;
  functions: readonly FunctionCompletion[];
  paths: readonly PathCompletion[];
}

/**
 * A JSONata expression in Monaco: highlighting from the shared JSONata language, autocomplete of
 * library functions and source paths, and inline marks from the host's expression check (syntax
 * errors where JSONata stops reading, unknown functions).
 */
export function ExpressionEditor(props: ExpressionEditorProps) {
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const modelUri = useRef<string | undefined>(undefined);
  if (modelUri.current)
    completionsByModel.set(modelUri.current, { functions: props.functions, paths: props.paths });
  useEffect(
    () => () => {
      if (modelUri.current) completionsByModel.delete(modelUri.current);
    },
    [],
  );

  useExpressionMarkers(props.value, editorRef, monacoRef);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    modelUri.current = editor.getModel()?.uri.toString();
    if (modelUri.current)
      completionsByModel.set(modelUri.current, { functions: props.functions, paths: props.paths });
    registerCompletions(monaco);
  };
  return (
    <CodeEditor
      value={props.value}
      onChange={props.onChange}
      height={90}
      ariaLabel="Mapping expression"
      onMount={onMount}
    />
  );
}

/** Inline marks from the host's expression check, refreshed as the text changes. */
function useExpressionMarkers(
  value: string,
  editorRef: RefObject<Monaco.editor.IStandaloneCodeEditor | null>,
  monacoRef: RefObject<typeof Monaco | null>,
): void {
  useEffect(() => {
    let current = true;
    void flowApi()
      .checkMappingExpression({ expression: value })
      .then((result) => {
        const monaco = monacoRef.current;
        const model = editorRef.current?.getModel();
        if (!current || !result.ok || !monaco || !model) return;
        const markers = result.value.problems.map((problem) => {
          const start = model.getPositionAt(problem.start);
          const end = model.getPositionAt(Math.max(problem.end, problem.start + 1));
          return {
            severity:
              problem.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message: problem.message,
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          };
        });
        monaco.editor.setModelMarkers(model, 'mapping-expression', markers);
      });
    return () => {
      current = false;
    };
  }, [value, editorRef, monacoRef]);
}
