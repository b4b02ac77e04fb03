import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * A screen that fails to render must not blank the whole desk (nothing is lost: the data is in
 * IndexedDB, and the other screens keep working). Shows a German message and a way back.
 * Reset by `resetKey` (the route), so navigating away clears the error.
 */
interface Props {
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Anzeige fehlgeschlagen', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section aria-labelledby="screen-error-heading">
        <h1 id="screen-error-heading">Diese Ansicht konnte nicht angezeigt werden</h1>
        <p role="alert">
          Es wurden keine Daten verändert. Bitte über die Navigation (<kbd>Alt</kbd>+<kbd>1</kbd> Theke) weiterarbeiten; wenn
          der Fehler bleibt, bitte die Administration informieren.
        </p>
        <p className="hint">Technische Angabe: {this.state.error.message}</p>
      </section>
    );
  }
}
