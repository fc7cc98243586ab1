import { flushSync } from 'react-dom';
import type { RefObject } from 'react';
import { useStoredFlag } from '@/lib/preference';

/** The legend can be put away (remembered in this browser): the canvas then takes its width. */
export function useLegend(showButton: RefObject<HTMLButtonElement | null>, hideButton: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useStoredFlag('legend', true);
  const toggle = (next: boolean) => {
    flushSync(() => setOpen(next));
    // The button pressed goes away: the focus moves to the one that undoes it.
    (next ? hideButton : showButton).current?.focus();
  };
  return { open, toggle };
}
