/**
 * Glyphs for the icon names node descriptions use (Lucide names), chosen from characters that
 * common system fonts carry (no emoji: Linux desktops often lack an emoji font). Connector nodes
 * show their system instead, which tells more than a picture.
 */
const GLYPHS: Record<string, string> = {
  webhook: '⚡',
  play: '▶',
  timer: '◷',
  clock: '◷',
  pencil: '✎',
  'list-tree': '☰',
  'arrow-right-left': '⇄',
  filter: '▽',
  'git-branch': '◇',
  route: '⤳',
  merge: '⤵',
  split: '✂',
  wand: '✦',
  layers: '▤',
  code: '{}',
  'octagon-x': '✖',
  'help-circle': '?',
  globe: '◎',
  search: '⌕',
  database: '▦',
  user: '☺',
  'user-plus': '☺',
  'user-pen': '☺',
  package: '▣',
  truck: '⇢',
  warehouse: '⌂',
  'clipboard-list': '▤',
  'refresh-cw': '↻',
  'shopping-cart': '⊞',
};

const SYSTEMS: Record<string, string> = { threedcart: '3dc', sage300: 'S300', m3: 'M3' };

/** The glyph drawn for a node type: its system for connectors, else its icon. */
export function nodeGlyph(icon: string, type = ''): string {
  const system = SYSTEMS[type.split('.')[0] ?? ''];
  return system ?? GLYPHS[icon] ?? '◆';
}
