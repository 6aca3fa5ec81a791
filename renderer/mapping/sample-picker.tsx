import { chooseSample, chooseSampleSet, useMappingEditor } from './mapping-editor.store.ts';

/** Picks the sample set and one sample of it (or the whole set); shows how long the preview took. */
export function SamplePicker() {
  const sets = useMappingEditor((state) => state.sampleSets);
  const setIndex = useMappingEditor((state) => state.setIndex);
  const sampleIndex = useMappingEditor((state) => state.sampleIndex);
  const previewMs = useMappingEditor((state) => state.previewMs);
  const samples = sets[setIndex]?.samples ?? [];
  if (sets.length === 0) {
    return (
      <span className="muted small">
        No samples: add .json files to the flow's .samples folder or samples/
      </span>
    );
  }
  return (
    <span className="sample-picker">
      <select
        aria-label="Sample set"
        value={setIndex}
        onChange={(event) => void chooseSampleSet(Number(event.target.value))}
      >
        {sets.map((set, index) => (
          <option key={`${set.location}/${set.set}`} value={index}>
            {set.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Sample"
        data-testid="sample-select"
        value={String(sampleIndex)}
        onChange={(event) => chooseSample(event.target.value === 'all' ? 'all' : Number(event.target.value))}
      >
        <option value="all">All {samples.length} samples</option>
        {samples.map((sample, index) => (
          <option key={sample.name} value={index}>
            {sample.name}
          </option>
        ))}
      </select>
      {previewMs !== undefined && (
        <span className="muted small" data-testid="preview-time">
          preview {Math.round(previewMs)} ms
        </span>
      )}
    </span>
  );
}
