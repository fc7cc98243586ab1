const WHY = 'Your DQOps role cannot edit lineage: you can read it, and an administrator can give you the Editor role to add or change sources.';

/**
 * Said once where the edit controls would be, so that a viewer knows why there are none.
 * `compact` (a toolbar): the words after "Read-only" are for assistive technology and the tooltip.
 */
export function ReadOnlyNote({ compact = false }: { compact?: boolean }) {
  return (
    <span className="ls-readonly" role="note" title={WHY}>
      Read-only
      {compact ? <span className="ls-visually-hidden">: your DQOps role cannot edit lineage</span> : ': your DQOps role cannot edit lineage'}
    </span>
  );
}
