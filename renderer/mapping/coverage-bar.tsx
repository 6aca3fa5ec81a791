import type { MappingPreview } from '../../engine/contract/mapping-editor-data.ts';

/** Required target fields mapped out of all required ones; the unmapped ones listed and clickable. */
export function CoverageBar({
  coverage,
  onSelect,
}: {
  coverage: MappingPreview['coverage'];
  onSelect: (target: string) => void;
}) {
  if (!coverage) return null;
  const total = coverage.required.length;
  const mapped = total - coverage.unmapped.length;
  const share = total === 0 ? 1 : mapped / total;
  return (
    <div className="coverage" data-testid="coverage-bar">
      <span className="coverage-track" title={`${mapped} of ${total} required fields mapped`}>
        <span className="coverage-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="small">
        {mapped}/{total} required
      </span>
      {coverage.unmapped.map((target) => (
        <button
          type="button"
          key={target}
          className="link-button small coverage-missing"
          onClick={() => onSelect(target)}
          data-testid={`coverage-missing-${target}`}
        >
          {target}
        </button>
      ))}
    </div>
  );
}
