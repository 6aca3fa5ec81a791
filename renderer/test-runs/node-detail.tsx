import { useState } from 'react';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { HttpExchange, NodeTrace } from '../../engine/contract/run-trace.ts';
import { CodeEditor } from '../editor/code-editor.tsx';
import { JsonTree } from './json-tree.tsx';
import { badgeText, formatDuration, outputItems } from './test-run-view.ts';

type Tab = 'output' | 'input' | 'error' | 'http';

/** One node of a run: its input and output items, its errors and every HTTP exchange. */
export function NodeDetail({ node }: { node: NodeTrace }) {
  const [tab, setTab] = useState<Tab>('output');
  const [raw, setRaw] = useState(false);
  const errorCount = node.errors.length + (node.error ? 1 : 0);
  const tabs: [Tab, string][] = [
    ['output', `Output (${node.itemsOut})`],
    ['input', `Input (${node.itemsIn})`],
    ['error', `Errors (${errorCount})`],
    ['http', `HTTP (${node.http.length})`],
  ];
  const items: JsonValue =
    tab === 'input'
      ? (node.inputs ?? [])
      : outputItems(node).map((item) => ({ port: item.port, json: item.json }));
  return (
    <section className="node-detail" aria-label={`Run of ${node.nodeName}`}>
      <header>
        <strong>{node.nodeName}</strong> <span className="muted">{badgeText(node)}</span>
        {node.pinned ? (
          <span className="badge pinned-mark">{node.pinned === 'pin' ? 'pinned' : 'from last run'}</span>
        ) : null}
      </header>
      <div className="detail-tabs" role="tablist">
        {tabs.map(([id, title]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className="tab"
            onClick={() => setTab(id)}
          >
            {title}
          </button>
        ))}
        {tab === 'input' || tab === 'output' ? (
          <label className="raw-toggle">
            <input type="checkbox" checked={raw} onChange={(event) => setRaw(event.target.checked)} /> Raw
            JSON
          </label>
        ) : null}
      </div>
      <div className="detail-body">
        {tab === 'error' ? <NodeErrors node={node} /> : null}
        {tab === 'http' ? <HttpExchanges exchanges={node.http} /> : null}
        {(tab === 'input' || tab === 'output') && raw ? (
          <CodeEditor
            value={JSON.stringify(items, null, 2)}
            language="json"
            readOnly
            height={220}
            ariaLabel={`${tab} JSON`}
          />
        ) : null}
        {(tab === 'input' || tab === 'output') && !raw ? (
          <JsonTree key={`${tab}:${node.nodeId}:${node.startedAt}`} value={items} label={`${tab} items`} />
        ) : null}
      </div>
    </section>
  );
}

function NodeErrors({ node }: { node: NodeTrace }) {
  const errors = [
    ...(node.error ? [{ itemIndex: -1, error: node.error, handling: 'stoppedRun' }] : []),
    ...node.errors,
  ];
  if (errors.length === 0) return <p className="muted">No errors.</p>;
  return (
    <ul className="error-list">
      {errors.map((each, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id and never reorder
        <li key={`${each.itemIndex}-${index}`}>
          <code className="error-code">{each.error.code}</code> {each.error.message}
          {each.itemIndex >= 0 ? (
            <span className="muted">
              {' '}
              (item {each.itemIndex}, {each.handling})
            </span>
          ) : null}
          {each.error.remote?.message ? (
            <div className="remote-message">
              Remote{each.error.remote.status ? ` ${each.error.remote.status}` : ''}:{' '}
              {each.error.remote.message}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function HttpExchanges({ exchanges }: { exchanges: readonly HttpExchange[] }) {
  const [open, setOpen] = useState<number | undefined>(undefined);
  if (exchanges.length === 0) return <p className="muted">No HTTP calls.</p>;
  return (
    <ul className="http-list">
      {exchanges.map((exchange, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: exchanges have no id and never reorder
        <li key={`${exchange.startedAt}-${index}`}>
          <button
            type="button"
            className="http-line"
            onClick={() => setOpen(open === index ? undefined : index)}
          >
            <code>{exchange.method}</code> {exchange.url}{' '}
            <span className={exchange.dryRun ? 'badge pinned-mark' : 'badge'}>
              {exchange.dryRun ? 'intercepted' : (exchange.status ?? exchange.error?.code ?? '—')}
            </span>{' '}
            <span className="muted">{formatDuration(exchange.durationMs)}</span>
          </button>
          {open === index ? (
            <section className="http-exchange" aria-label="HTTP exchange">
              <h4>Request</h4>
              <JsonTree
                value={{ headers: exchange.requestHeaders, body: exchange.requestBody ?? null }}
                label="request"
              />
              <h4>Response</h4>
              <JsonTree
                value={{
                  status: exchange.status ?? null,
                  headers: exchange.responseHeaders ?? {},
                  body: exchange.responseBody ?? null,
                }}
                label="response"
              />
            </section>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
