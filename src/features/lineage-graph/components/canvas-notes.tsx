import { plural } from '@/lib/format';

interface CanvasNotesProps {
  /** Tables being laid out (the worker is busy), or undefined. */
  layingOut: number | undefined;
  layoutError: string | undefined;
  /** Links whose column mappings are being read, and links whose mappings could not be read. */
  readingLinks: number;
  unreadLinks: number;
}

/** What the canvas is doing or could not do, over the top of the graph. */
export function CanvasNotes({ layingOut, layoutError, readingLinks, unreadLinks }: CanvasNotesProps) {
  return (
    <>
      {layingOut !== undefined ? (
        <div className="ls-canvas__busy" role="status">
          <span className="ls-spinner" aria-hidden="true" /> Laying out {layingOut} tables…
        </div>
      ) : null}
      {layoutError ? (
        <div className="ls-canvas__busy ls-canvas__busy--error" role="alert">
          The layout failed: {layoutError}
        </div>
      ) : null}
      {readingLinks > 0 || unreadLinks > 0 ? (
        <div className={`ls-canvas__note${unreadLinks > 0 ? ' ls-canvas__note--warning' : ''}`} role="status">
          {readingLinks > 0 ? `Reading the column mappings of ${plural(readingLinks, 'link')}…` : null}
          {unreadLinks > 0 ? ` The column mappings of ${plural(unreadLinks, 'link')} could not be read: their column edges are missing.` : null}
        </div>
      ) : null}
    </>
  );
}
