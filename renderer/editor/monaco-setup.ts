import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { registerJsonata } from './jsonata-language.ts';

/**
 * Monaco from the local package, never a CDN: the app runs offline and under a strict CSP.
 * Workers are bundled by Vite (`?worker`); only JSON has a language worker, everything else
 * (JSONata included) runs on the generic editor worker.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco });
registerJsonata(monaco);

export { monaco };
