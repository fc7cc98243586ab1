import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface State {
  error: unknown;
}

/** Catches render errors so that one broken view shows a readable panel, not a white page. */
export class ErrorBoundary extends Component<{ children: ReactNode; title?: string; resetKey?: string }, State> {
  state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Lineage Studio view failed', error, info.componentStack);
  }

  componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined) this.setState({ error: undefined });
  }

  render() {
    if (this.state.error !== undefined) {
      return (
        <ErrorPanel error={this.state.error} title={this.props.title ?? 'This view failed to display'} onRetry={() => this.setState({ error: undefined })} />
      );
    }
    return this.props.children;
  }
}
