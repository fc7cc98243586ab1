import type { Ref } from 'react';
import { GROUP_UNIT } from '../model/auto-group';
import type { GroupBy } from '../model/groups';
import { DIFF_STYLE } from '../nodes/diff-style';
import { SeverityIcon } from '@/components/severity-badge';
import { statusVar } from '@/lib/palette';
import { SEVERITY_STYLE, type SeverityKey } from '@/lib/severity';

const ORDER: SeverityKey[] = ['valid', 'warning', 'error', 'fatal', 'none', 'missing'];

export function Legend({ draft = false, grouped, onHide, hideButton }: { draft?: boolean; grouped?: GroupBy; onHide?: () => void; hideButton?: Ref<HTMLButtonElement> }) {
  return (
    <section className="ls-legend" aria-label="Legend">
      <div className="ls-legend__head">
        <h3 className="ls-side__title">Legend</h3>
        {onHide ? (
          <button type="button" ref={hideButton} className="ls-button ls-button--ghost ls-button--small" aria-expanded="true" onClick={onHide} title="Hide the legend: the graph takes its place">
            Hide legend
          </button>
        ) : null}
      </div>
      <ul className="ls-legend__list">
        {ORDER.map((key) => (
          <li key={key}>
            <SeverityIcon severity={key} /> {SEVERITY_STYLE[key].label}
          </li>
        ))}
      </ul>
      {grouped ? (
        <>
          <h4 className="ls-legend__sub">Groups</h4>
          <ul className="ls-legend__list">
            <li>A box per {GROUP_UNIT[grouped]}: its tables, how many fail, a bar of their statuses (worst first)</li>
            {grouped === 'schema' ? <li>A frame per connection around its schemas (two or more connections)</li> : null}
            <li>▾ An open group: the tables nearest the focus, the rest counted. Click, Enter or zoom in to open or close one</li>
            <li>One arrow per pair of groups: width and number = flows; dashed: a loop between groups</li>
          </ul>
        </>
      ) : null}
      <h4 className="ls-legend__sub">Tables</h4>
      <ul className="ls-legend__list">
        <li>
          <span className="ls-legend__swatch ls-legend__swatch--root" /> Focus table
        </li>
        <li>
          <span className="ls-legend__swatch ls-legend__swatch--missing" /> Dashed: named in lineage, not in DQOps
        </li>
        <li>
          <span className="ls-legend__more">+3</span> Hidden neighbours; click to show them
        </li>
      </ul>
      <h4 className="ls-legend__sub">Quality along paths</h4>
      <ul className="ls-legend__list">
        <li>
          <span className="ls-node__fed" style={{ color: statusVar('error', 'text'), background: statusVar('error', 'tint') }}>
            ⚠ 3 upstream
          </span>{' '}
          Fed by 3 failing upstream tables; coloured by the worst of them
        </li>
        <li>View › “Own status” colours each table by its own checks; “Including upstream” by the worst status of it and everything upstream</li>
      </ul>
      <h4 className="ls-legend__sub">Arrows (data flows left → right)</h4>
      <ul className="ls-legend__list">
        <li>
          <svg width="44" height="12" aria-hidden="true">
            <line x1="2" y1="6" x2="42" y2="6" stroke={SEVERITY_STYLE.none.color} strokeWidth="1.5" />
          </svg>
          <svg width="44" height="12" aria-hidden="true">
            <line x1="2" y1="6" x2="42" y2="6" stroke={SEVERITY_STYLE.none.color} strokeWidth="7" />
          </svg>
          Width: rows flowing (log scale)
        </li>
        <li>Colour: status of the data arriving, including everything upstream</li>
      </ul>
      {draft ? (
        <>
          <h4 className="ls-legend__sub">Draft (not saved yet)</h4>
          <ul className="ls-legend__list" aria-label="Draft styles">
            {Object.entries(DIFF_STYLE).map(([key, { legend, dash, color }]) => (
              <li key={key}>
                <svg width="44" height="12" aria-hidden="true">
                  <line x1="2" y1="6" x2="42" y2="6" stroke={color} strokeWidth="2.5" strokeDasharray={dash} />
                </svg>
                {legend}
              </li>
            ))}
            <li>
              <span className="ls-legend__swatch ls-legend__swatch--drafted" /> Table brought in by the draft
            </li>
          </ul>
        </>
      ) : null}
      <p className="ls-hint">Hover or click a table to trace every path through it. Click an arrow for its statuses.</p>
    </section>
  );
}
