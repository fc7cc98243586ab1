import { useState } from 'react';
import { Modal } from '@/components/modal';
import type { MockOptions } from '@/mocks/context'; // type only
import type { KeyStore } from './key-store';
import type { DemoControls } from './lineage-studio';

export type SettingsReason = 'unauthorized';

interface Props {
  open: boolean;
  reason?: SettingsReason;
  demo?: DemoControls;
  baseUrl: string;
  /** Absent when the embedding host supplies the key. */
  keyStore?: KeyStore;
  onSwitchMode?: (mode: 'demo' | 'live', baseUrl?: string) => void;
  onClose: () => void;
  onSaved: () => void;
}

export function SettingsDialog(props: Props) {
  return (
    <Modal open={props.open} title="Settings" onClose={props.onClose}>
      {/* Mounted only while open, so each opening starts from the current values. */}
      {props.open ? <SettingsForm {...props} /> : null}
    </Modal>
  );
}

function SettingsForm({ reason, demo, baseUrl, keyStore, onSwitchMode, onClose, onSaved }: Props) {
  const [key, setKey] = useState(keyStore?.get() ?? '');
  const [remember, setRemember] = useState(keyStore?.remembered() ?? false);
  const [url, setUrl] = useState(baseUrl);
  const [demoOptions, setDemoOptions] = useState<MockOptions | undefined>(() => demo?.options());

  function save() {
    keyStore?.set(key, remember);
    if (demo && demoOptions) demo.setOptions(demoOptions);
    if (!demo && onSwitchMode && url.trim() !== baseUrl) {
      onSwitchMode('live', url.trim());
      return;
    }
    onSaved();
  }

  return (
    <form
      className="ls-settings"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {reason === 'unauthorized' ? (
        <p className="ls-notice ls-notice--warning" role="alert">
          The DQOps server refused the request (HTTP 401). Enter a valid API key: in DQOps, open your user profile and generate one.
        </p>
      ) : null}

      {demo && demoOptions ? (
        <fieldset className="ls-fieldset">
          <legend>Demo server (runs in this browser)</legend>
          <label className="ls-field">
            <span>Server generation</span>
            <select
              value={demoOptions.generation}
              onChange={(e) => setDemoOptions({ ...demoOptions, generation: e.target.value === '2024-09' ? '2024-09' : '1.13' })}
            >
              <option value="1.13">DQOps 1.13 (current)</option>
              <option value="2024-09">DQOps 2024-09 (no target list, old field names)</option>
            </select>
          </label>
          <label className="ls-field">
            <span>Your role</span>
            <select value={demoOptions.role} onChange={(e) => setDemoOptions({ ...demoOptions, role: e.target.value === 'viewer' ? 'viewer' : 'editor' })}>
              <option value="editor">Editor (can change lineage)</option>
              <option value="viewer">Viewer (read only; writes answer 403)</option>
            </select>
          </label>
          <label className="ls-field">
            <span>Added latency (ms)</span>
            <input
              type="number"
              min={0}
              max={10000}
              step={100}
              value={demoOptions.latencyMs}
              onChange={(e) => setDemoOptions({ ...demoOptions, latencyMs: Math.max(0, Number(e.target.value) || 0) })}
            />
          </label>
          <label className="ls-field">
            <span>Lineage cache warm-up</span>
            <select
              value={demoOptions.cacheWarmup}
              onChange={(e) =>
                setDemoOptions({ ...demoOptions, cacheWarmup: e.target.value === 'off' ? 'off' : e.target.value === 'never' ? 'never' : 'realistic' })
              }
            >
              <option value="realistic">Realistic (reloads briefly after each change)</option>
              <option value="off">Off (always fully loaded)</option>
              <option value="never">Never finishes (partial lineage)</option>
            </select>
          </label>
          <div className="ls-settings__row">
            <button
              type="button"
              className="ls-button ls-button--danger"
              onClick={() => {
                if (window.confirm('Reset the demo data? Every lineage change made in this browser is lost.')) {
                  demo.reset();
                  window.location.reload();
                }
              }}
            >
              Reset demo data
            </button>
            {onSwitchMode ? (
              <button type="button" className="ls-button ls-button--ghost" onClick={() => onSwitchMode('live')}>
                Connect to a real DQOps server…
              </button>
            ) : null}
          </div>
        </fieldset>
      ) : (
        <fieldset className="ls-fieldset">
          <legend>DQOps server</legend>
          <label className="ls-field">
            <span>Server URL</span>
            <input
              type="url"
              value={url}
              placeholder="Same site (/api), e.g. http://localhost:8888"
              disabled={!onSwitchMode}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <p className="ls-hint">
            Leave empty when this page is served next to DQOps or through the dev proxy (DQOPS_URL). A different origin needs CORS and an API key.
          </p>
          {keyStore ? (
            <>
              <label className="ls-field">
                <span>API key</span>
                <input
                  type="password"
                  autoComplete="off"
                  value={key}
                  onChange={(e) => setKey(e.target.value)}
                  placeholder="Paste the key from your DQOps user profile"
                />
              </label>
              <label className="ls-check">
                <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember the key in this browser tab until it is
                closed
              </label>
              <p className="ls-hint">The key is sent only to this server as “Authorization: Bearer …”. It is never saved permanently.</p>
            </>
          ) : (
            <p className="ls-hint">The page that embeds Lineage Studio provides the API key.</p>
          )}
          {onSwitchMode ? (
            <button type="button" className="ls-button ls-button--ghost" onClick={() => onSwitchMode('demo')}>
              Back to the demo
            </button>
          ) : null}
        </fieldset>
      )}
      <div className="ls-modal__footer">
        <button type="button" className="ls-button ls-button--ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="ls-button ls-button--primary">
          Save
        </button>
      </div>
    </form>
  );
}
