import { TableSearch } from './table-search';

export function Header({
  mode,
  serverLabel,
  hasKey,
  onOpenSettings,
}: {
  mode: 'demo' | 'live';
  serverLabel: string;
  hasKey: boolean;
  onOpenSettings: () => void;
}) {
  return (
    <header className="ls-header">
      <div className="ls-header__brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="5" cy="6" r="3" fill="#2563eb" />
          <circle cx="5" cy="18" r="3" fill="#2563eb" />
          <circle cx="19" cy="12" r="3.5" fill="#0f766e" />
          <path d="M8 6 C13 6 12 12 15.5 12 M8 18 C13 18 12 12 15.5 12" stroke="#64748b" strokeWidth="1.6" fill="none" />
        </svg>
        <span className="ls-header__title">Lineage Studio</span>
        <span className="ls-header__subtitle">for DQOps</span>
      </div>
      <TableSearch shortcut placeholder="Find any table…  Ctrl+K" className="ls-header__search" />
      <div className="ls-header__server" aria-label="Server in use">
        <span className={`ls-mode ls-mode--${mode}`}>{mode === 'demo' ? 'Demo' : 'Live'}</span>
        <span className="ls-header__host" title={serverLabel}>
          {serverLabel}
        </span>
        {mode === 'live' ? <span className="ls-header__key">{hasKey ? 'API key set' : 'no API key'}</span> : null}
      </div>
      <button type="button" className="ls-button ls-button--ghost" onClick={onOpenSettings}>
        <span aria-hidden="true">⚙</span> Settings
      </button>
    </header>
  );
}
