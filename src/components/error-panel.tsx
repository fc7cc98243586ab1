import type { ReactNode } from 'react';
import { describeError, isApiError } from '@/api/errors';

export interface ErrorPanelProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Extra actions (e.g. "Enter API key", "Back to the table list"). */
  children?: ReactNode;
}

/** A readable error: what failed, why, and what the user can do. Never a blank area. */
export function ErrorPanel({ error, title, onRetry, children }: ErrorPanelProps) {
  const message = describeError(error);
  const status = isApiError(error) && error.status ? `HTTP ${error.status}` : isApiError(error) ? error.kind.replace('-', ' ') : undefined;
  return (
    <div className="ls-error" role="alert">
      <div className="ls-error__title">
        <span aria-hidden="true">⚠</span> {title ?? 'Something went wrong'}
        {status ? <span className="ls-error__code">{status}</span> : null}
      </div>
      <p className="ls-error__message">{message}</p>
      {onRetry || children ? (
        <div className="ls-error__actions">
          {onRetry ? (
            <button type="button" className="ls-button" onClick={onRetry}>
              Try again
            </button>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
