// A list that draws only the rows in view once it is long (a 2,000-link draft review): rows of one
// height, in a scrolling box; each drawn row says its place (aria-posinset / aria-setsize), so a
// screen reader still hears "12 of 2,000". A short list is an ordinary list.
import { useState, type ReactNode } from 'react';

/** Rows above which only those in view are drawn. */
export const VIRTUAL_FROM = 80;
/** Rows drawn beyond the box's edges, so a quick scroll does not show blank rows. */
const OVERSCAN = 8;

export function VirtualList<T>({
  items,
  label,
  rowHeight,
  height,
  itemKey,
  renderItem,
  className,
}: {
  items: readonly T[];
  label: string;
  /** Pixels per row when virtual (rows are then one line, cut with an ellipsis). */
  rowHeight: number;
  /** The scrolling box's height when virtual. */
  height: number;
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T, index: number) => ReactNode;
  className?: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  if (items.length <= VIRTUAL_FROM) {
    return (
      <ol className={className} aria-label={label}>
        {items.map((item, index) => (
          <li key={itemKey(item, index)}>{renderItem(item, index)}</li>
        ))}
      </ol>
    );
  }
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div className="ls-vlist" style={{ height }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} tabIndex={0} role="group" aria-label={`${label}, scrollable`}>
      <ol className={`${className ?? ''} ls-vlist__rows`} aria-label={label} style={{ height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li key={itemKey(item, index)} aria-setsize={items.length} aria-posinset={index + 1} style={{ top: index * rowHeight, height: rowHeight }}>
              {renderItem(item, index)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
