import { describe, expect, it } from 'vitest';
import { formatPrometheusText } from './prometheus-text.ts';

describe('formatPrometheusText', () => {
  it('writes HELP and TYPE lines and escapes help text and label values', () => {
    const text = formatPrometheusText([
      {
        name: 'bridgeflow_dead_letters',
        help: 'Dead letters\nby flow \\ cause',
        type: 'gauge',
        samples: [
          { name: 'bridgeflow_dead_letters', labels: { flow: 'a "quoted"\\flow\nname' }, value: 3 },
          { name: 'bridgeflow_dead_letters', labels: {}, value: Number.POSITIVE_INFINITY },
        ],
      },
      { name: 'bridgeflow_runs_total', help: 'Runs.', type: 'counter', samples: [] },
    ]);
    expect(text).toBe(
      [
        '# HELP bridgeflow_dead_letters Dead letters\\nby flow \\\\ cause',
        '# TYPE bridgeflow_dead_letters gauge',
        'bridgeflow_dead_letters{flow="a \\"quoted\\"\\\\flow\\nname"} 3',
        'bridgeflow_dead_letters +Inf',
        '# HELP bridgeflow_runs_total Runs.',
        '# TYPE bridgeflow_runs_total counter',
        '',
      ].join('\n'),
    );
  });
});
