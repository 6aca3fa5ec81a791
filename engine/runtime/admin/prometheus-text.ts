/**
 * The Prometheus text exposition format, version 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): per metric family one `# HELP`
 * and one `# TYPE` line, then its samples `name{label="value",…} number`, each line ending in `\n`.
 */

/** The Content-Type Prometheus expects for this format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge' | 'histogram';

/** One sample line; `name` may carry a suffix of the family (`_bucket`, `_sum`, `_count`). */
export interface MetricSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** A metric family: its help text, type and samples. */
export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: readonly MetricSample[];
}

/** The families as one exposition; a family without samples still gets its HELP and TYPE lines. */
export function formatPrometheusText(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) lines.push(formatSample(sample));
  }
  return lines.map((line) => `${line}\n`).join('');
}

function formatSample(sample: MetricSample): string {
  const labels = Object.entries(sample.labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  const labelPart = labels.length === 0 ? '' : `{${labels.join(',')}}`;
  return `${sample.name}${labelPart} ${formatValue(sample.value)}`;
}

/** Help text escapes backslash and line feed; label values also escape the double quote. */
export function escapeHelp(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
}

export function escapeLabelValue(text: string): string {
  return escapeHelp(text).replaceAll('"', '\\"');
}

/** Go's float syntax as Prometheus parses it: `+Inf`, `-Inf`, `NaN`, else the number. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
