import { plural } from '@/lib/format';
import type { LinkChange, MappingRef } from '../model/draft';
import type { WriteMethod } from '../model/draft-run';

const DIFF_WORDS = { added: 'Add source', removed: 'Remove source', changed: 'Change column mappings' } as const;
const METHOD_WORDS: Record<WriteMethod, string> = { POST: 'creates the source', PUT: 'replaces the source', DELETE: 'deletes the source' };

/** Mappings named in a line at most; the rest counted (a review row is one line when the draft is long). */
const NAMED = 12;

const named = (mappings: readonly MappingRef[]) =>
  mappings
    .slice(0, NAMED)
    .map((m) => `${m.column} ← ${m.sourceColumn}`)
    .join(', ') + (mappings.length > NAMED ? ` and ${mappings.length - NAMED} more` : '');

/** "+2 column mappings: status ← status, paid ← amount; −1 column mapping: …": what the PUT will hold. */
function mappingSummary(change: LinkChange): string {
  const parts = [];
  if (change.addMappings.length > 0) parts.push(`+${plural(change.addMappings.length, 'column mapping')}: ${named(change.addMappings)}`);
  if (change.removeMappings.length > 0) parts.push(`−${plural(change.removeMappings.length, 'column mapping')}: ${named(change.removeMappings)}`);
  return parts.join('; ');
}

/** One link change in words ("Add source: a → b"), with the HTTP method DQOps receives as a detail. */
export function LinkLine({ change, method, state, note }: { change: LinkChange; method?: WriteMethod; state?: string; note?: string }) {
  const summary = mappingSummary(change);
  return (
    <>
      {state ? <span className={`ls-review__state ls-review__state--${state}`}>{STATE_WORDS[state]}</span> : null}
      <span>
        {DIFF_WORDS[change.diff]}: <bdi>{change.source.table}</bdi> → <bdi>{change.target.table}</bdi>
        {summary ? ` (${summary})` : ''}
        {change.tool ? (
          <span className="ls-hint">
            {' '}
            · tool <bdi>{change.tool}</bdi>
          </span>
        ) : null}
        {note ? <span className="ls-hint"> · {note}</span> : null}
      </span>
      {method ? (
        <span className="ls-review__method" title={`The request sent to DQOps: ${method} (${METHOD_WORDS[method]})`}>
          {method}
        </span>
      ) : null}
    </>
  );
}

const STATE_WORDS: Record<string, string> = { applied: '✓ saved', failed: '✗ failed', skipped: '○ not sent', undone: '↶ rolled back' };
