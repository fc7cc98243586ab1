// A disclosure menu (<details>) that closes like a menu: Escape (the focus goes back to its
// button) and a click or tap anywhere outside it.
import { useEffect, useRef, type ReactNode } from 'react';

export function Menu({ summary, className = 'ls-menu', summaryClassName = 'ls-button', role, children }: {
  summary: ReactNode;
  className?: string;
  summaryClassName?: string;
  role?: 'status';
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const menu = ref.current;
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);
  return (
    <details
      ref={ref}
      className={className}
      role={role}
      onKeyDown={(event) => {
        const menu = ref.current;
        if (event.key !== 'Escape' || !menu?.open) return;
        event.preventDefault();
        event.stopPropagation();
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}

/** Closes the menu an item belongs to (after a choice). */
export function closeMenuOf(item: Element): void {
  const menu = item.closest('details');
  if (menu) menu.open = false;
}
