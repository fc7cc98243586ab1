// "Auto-map by name": proposals for the unmapped columns from the source's columns of the same
// name, reviewed (untick any) before they are applied to the form.
import { useState } from 'react';
import { useFormContext, type UseFormGetValues } from 'react-hook-form';
import { plural } from '@/lib/format';
import { autoMap, type MappingProposal, type SourceFormValues } from '../schema';

/** The Apply button: what it will do, never "Apply 0 mappings". */
function applyLabel(count: number): string {
  return count === 0 ? 'Apply the ticked mappings' : `Apply ${plural(count, 'mapping')}`;
}

type Proposal = MappingProposal & { accepted: boolean };

/** The button, and the proposals it makes (shown by `AutoMapProposals`). Called by the form itself, outside its FormProvider. */
export function useAutoMap(getValues: UseFormGetValues<SourceFormValues>, sourceColumns: readonly string[] | undefined) {
  const [proposals, setProposals] = useState<Proposal[]>();
  const propose = () => setProposals(autoMap(getValues('mappings'), sourceColumns ?? []).map((p) => ({ ...p, accepted: true })));
  const button = (
    <button
      type="button"
      className="ls-button"
      disabled={!sourceColumns}
      title={sourceColumns ? undefined : 'Pick a source table DQOps knows to auto-map'}
      onClick={propose}
    >
      Auto-map by name
    </button>
  );
  return { button, proposals, setProposals };
}

export function AutoMapProposals({ proposals, onChange }: { proposals: Proposal[]; onChange: (next: Proposal[] | undefined) => void }) {
  const { getValues, setValue } = useFormContext<SourceFormValues>();
  const accepted = proposals.filter((p) => p.accepted);
  const apply = () => {
    const rows = getValues('mappings');
    for (const p of accepted) {
      const index = rows.findIndex((r) => r.target_column === p.target_column);
      if (index >= 0) setValue(`mappings.${index}.source_columns`, [p.source_column], { shouldDirty: true });
    }
    onChange(undefined);
  };
  return (
    <div className="ls-proposals" role="group" aria-label="Proposed mappings">
      {proposals.length === 0 ? (
        <p className="ls-hint">No unmapped column has a source column with the same name (ignoring case and “_”).</p>
      ) : (
        <>
          <p className="ls-hint">Review the proposed mappings; untick any you do not want.</p>
          <ul>
            {proposals.map((p, i) => (
              <li key={p.target_column}>
                <label className="ls-check">
                  <input type="checkbox" checked={p.accepted} onChange={(e) => onChange(proposals.map((q, j) => (j === i ? { ...q, accepted: e.target.checked } : q)))} />
                  {p.target_column} ← {p.source_column}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="ls-settings__row">
        <button type="button" className="ls-button ls-button--primary" disabled={accepted.length === 0} onClick={apply}>
          {applyLabel(accepted.length)}
        </button>
        <button type="button" className="ls-button ls-button--ghost" onClick={() => onChange(undefined)}>
          Discard
        </button>
      </div>
    </div>
  );
}
