import type * as Monaco from 'monaco-editor';

/** Language id of JSONata expressions in every Monaco editor of the designer. */
export const JSONATA_LANGUAGE = 'jsonata';

/** Registers JSONata highlighting and bracket rules (completions are added by the editors that know the data). */
export function registerJsonata(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((language) => language.id === JSONATA_LANGUAGE)) return;
  monaco.languages.register({ id: JSONATA_LANGUAGE });
  monaco.languages.setLanguageConfiguration(JSONATA_LANGUAGE, {
    brackets: [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"' },
      { open: "'", close: "'" },
    ],
    comments: { blockComment: ['/*', '*/'] },
  });
  monaco.languages.setMonarchTokensProvider(JSONATA_LANGUAGE, {
    keywords: ['and', 'or', 'in', 'true', 'false', 'null', 'function'],
    tokenizer: {
      root: [
        [/\/\*/, 'comment', '@comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/`[^`]*`/, 'variable'],
        [/\$[a-zA-Z_][\w]*/, 'predefined'],
        [/\$\$?/, 'predefined'],
        [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
        [/[a-zA-Z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/[{}()[\]]/, '@brackets'],
        [/:=|!=|<=|>=|~>|\?:|\?\?|[-+*/%&|<>=.?:;,^#@~!]/, 'operator'],
      ],
      comment: [
        [/\*\//, 'comment', '@pop'],
        [/./, 'comment'],
      ],
    },
  });
}
