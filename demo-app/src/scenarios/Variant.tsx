/** Which version of a scenario is shown: the one with the bug, or the one with the fix. */
export type Variant = 'faulty' | 'fixed';

/** A two-way switch between the faulty and the fixed version of a scenario. */
export function VariantToggle({ variant, onChange }: { variant: Variant; onChange: (v: Variant) => void }) {
  return (
    <div role="radiogroup" aria-label="Variant" className="variant">
      {(['faulty', 'fixed'] as const).map((v) => (
        <label key={v}>
          <input type="radio" name="variant" value={v} checked={variant === v} onChange={() => onChange(v)} /> {v === 'faulty' ? 'Faulty' : 'Fixed'}
        </label>
      ))}
    </div>
  );
}
