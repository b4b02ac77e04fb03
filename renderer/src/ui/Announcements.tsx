import { useAnnouncer } from '../state/announcer';

/**
 * The toast stack, which is also the page's one polite live region. An announcement whose text
 * already stands on the screen is only spoken (issue 10 item 8: no second copy as a toast).
 */
export function Announcements() {
  const items = useAnnouncer((s) => s.items);
  const dismiss = useAnnouncer((s) => s.dismiss);
  return (
    <div className="announcements" role="status" aria-live="polite">
      {items.map((item) =>
        item.onScreen ? (
          <div key={item.id} className="visually-hidden">
            {item.text}
          </div>
        ) : (
          <div key={item.id} className={`toast toast-${item.tone}`}>
            <span>{item.text}</span>
            {item.action && (
              <button
                type="button"
                className="toast-action"
                aria-keyshortcuts={item.action.keyShortcuts}
                onClick={() => {
                  dismiss(item.id);
                  item.action?.run();
                }}
              >
                {item.action.label}
              </button>
            )}
            <button type="button" className="toast-close" onClick={() => dismiss(item.id)} aria-label="Meldung schließen">
              ×
            </button>
          </div>
        ),
      )}
    </div>
  );
}
