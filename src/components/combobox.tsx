// A searchable, keyboard-operable combobox (WAI-ARIA 1.2 "combobox with listbox popup") that
// renders only the visible rows, so thousands of tables stay fast.
import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboboxOption {
  value: string;
  label: string;
  /** Shown under the label in smaller text. */
  detail?: string;
  /** Small marks after the label (status icon, "disabled", "YAML error"). */
  adornment?: ReactNode;
  /** Text searched besides the label. */
  keywords?: string;
}

export interface ComboboxProps {
  label: string;
  options: readonly ComboboxOption[];
  value: string | undefined;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  loading?: boolean;
  /** Shown instead of the list when loading failed. */
  error?: string;
  emptyText?: string;
  /** What the list says while `loading` (default "Loading…"). */
  loadingText?: string;
  /** Allow choosing typed text that matches no option (e.g. a table DQOps does not know). */
  allowCustom?: boolean;
  /** Keep the label for assistive technology only (compact toolbars). */
  hideLabel?: boolean;
  autoFocus?: boolean;
  id?: string;
  /** Size the input to its text (a breadcrumb of comboboxes) instead of filling its column. */
  fit?: boolean;
  /**
   * The options are found elsewhere (a server search) from the typed text, which is reported
   * here: they are shown as given, not filtered again, and the field keeps no selected value.
   */
  onQueryChange?: (query: string) => void;
}

const ROW_HEIGHT = 36;
const VISIBLE_ROWS = 9;
const OVERSCAN = 4;

/** Width of a `fit` input: its text (bold letters are wider than the `ch` unit), the chevron, capped. */
function fitWidth(text: string): string {
  const letters = Math.min(36, Math.max(6, text.length));
  return `calc(${letters * 1.15}ch + 34px)`;
}

export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...options];
  const starts: ComboboxOption[] = [];
  const contains: ComboboxOption[] = [];
  for (const option of options) {
    const label = option.label.toLowerCase();
    if (label.startsWith(q)) starts.push(option);
    else if (label.includes(q) || option.keywords?.toLowerCase().includes(q)) contains.push(option);
  }
  return [...starts, ...contains];
}

export function Combobox({
  label,
  options,
  value,
  onChange,
  placeholder,
  disabled,
  loading,
  error,
  emptyText = 'No matches',
  loadingText = 'Loading…',
  allowCustom,
  hideLabel,
  autoFocus,
  id,
  fit,
  onQueryChange,
}: ComboboxProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-input`;
  const listId = `${autoId}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null); // null: show the selected value
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const selectedLabel = options.find((o) => o.value === value)?.label ?? value ?? '';
  const remote = onQueryChange !== undefined;
  const filtered = useMemo(() => (remote ? [...options] : filterOptions(options, query ?? '')), [remote, options, query]);
  const customValue = allowCustom && query && !options.some((o) => o.label === query.trim()) ? query.trim() : undefined;
  const rows: ComboboxOption[] = customValue ? [...filtered, { value: customValue, label: customValue, detail: 'Use this name (not in DQOps)' }] : filtered;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, first + VISIBLE_ROWS + OVERSCAN * 2);

  function scrollIntoView(index: number) {
    const list = listRef.current;
    if (!list) return;
    const top = index * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    setScrollTop(list.scrollTop);
  }

  function move(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    scrollIntoView(next);
  }

  function openList() {
    if (disabled) return;
    setOpen(true);
    const selectedIndex = rows.findIndex((o) => o.value === value);
    setActive(selectedIndex >= 0 ? selectedIndex : 0);
  }

  function clearQuery() {
    setQuery(null);
    onQueryChange?.('');
  }

  function choose(option: ComboboxOption | undefined) {
    if (!option) return;
    onChange(option.value);
    clearQuery();
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else move(active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) openList();
        else move(active - 1);
        break;
      case 'PageDown':
        if (open) {
          event.preventDefault();
          move(active + VISIBLE_ROWS);
        }
        break;
      case 'PageUp':
        if (open) {
          event.preventDefault();
          move(active - VISIBLE_ROWS);
        }
        break;
      case 'Home':
        if (open && query === null) {
          event.preventDefault();
          move(0);
        }
        break;
      case 'End':
        if (open && query === null) {
          event.preventDefault();
          move(rows.length - 1);
        }
        break;
      case 'Enter':
        if (open) {
          event.preventDefault();
          choose(rows[active]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          clearQuery();
        }
        break;
      case 'Tab':
        setOpen(false);
        clearQuery();
        break;
    }
  }

  const activeId = open && rows[active] ? `${listId}-${active}` : undefined;
  const status = error ?? (loading ? loadingText : rows.length === 0 ? emptyText : undefined);

  return (
    <div className={fit ? 'ls-combobox ls-combobox--fit' : 'ls-combobox'}>
      <label className={hideLabel ? 'ls-visually-hidden' : 'ls-combobox__label'} htmlFor={inputId}>
        {label}
      </label>
      <div className="ls-combobox__field">
        <input
          id={inputId}
          className="ls-combobox__input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          spellCheck={false}
          disabled={disabled}
          placeholder={loading ? 'Loading…' : placeholder}
          value={query ?? selectedLabel}
          style={fit ? { width: fitWidth((query ?? selectedLabel) || (placeholder ?? '')) } : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            onQueryChange?.(event.target.value);
            setOpen(true);
            setActive(0);
            setScrollTop(0);
            if (listRef.current) listRef.current.scrollTop = 0;
          }}
          onFocus={(event) => event.target.select()}
          onClick={openList}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            clearQuery();
          }}
        />
        <span className="ls-combobox__chevron" aria-hidden="true">
          ▾
        </span>
      </div>
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        className="ls-combobox__list"
        hidden={!open}
        style={{ maxHeight: ROW_HEIGHT * VISIBLE_ROWS }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        // Keep focus in the input while clicking an option.
        onMouseDown={(event) => event.preventDefault()}
      >
        {status ? (
          <div className={error ? 'ls-combobox__status ls-combobox__status--error' : 'ls-combobox__status'}>{status}</div>
        ) : (
          <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
            {rows.slice(first, last).map((option, offset) => {
              const index = first + offset;
              return (
                <div
                  key={`${option.value}\u0000${index}`}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={option.value === value}
                  className={`ls-combobox__option${index === active ? ' ls-combobox__option--active' : ''}`}
                  style={{ position: 'absolute', top: index * ROW_HEIGHT, height: ROW_HEIGHT, left: 0, right: 0 }}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => choose(option)}
                >
                  <span className="ls-combobox__option-label">{option.label}</span>
                  {option.adornment}
                  {option.detail ? <span className="ls-combobox__option-detail">{option.detail}</span> : null}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
