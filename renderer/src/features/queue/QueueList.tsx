import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { QueueRow } from './queue-view';
import { INITIAL_FOCUS } from '../../lib/keyboard';

/**
 * One keyboard-first list of the queue (WAI-ARIA listbox with aria-activedescendant): arrow keys,
 * Home and End move the selection; Enter and A are handed to the screen together with the row they
 * were pressed on, which decides what they may do (queueKeyCommand). The selection is chosen by
 * the screen; this component only draws and forwards keys.
 */
export interface QueueListProps {
  id: string;
  labelledBy: string;
  describedBy?: string;
  rows: readonly QueueRow[];
  selectedId: string | null;
  onSelect: (row: QueueRow, index: number) => void;
  onKey: (key: 'Enter' | 'A', row: QueueRow | null) => void;
  renderRow: (row: QueueRow) => ReactNode;
  keyShortcuts: string;
  listRef: RefObject<HTMLDivElement | null>;
}

export function optionId(listId: string, handoffId: string): string {
  return `${listId}-${handoffId}`;
}

export function QueueList({ id, labelledBy, describedBy, rows, selectedId, onSelect, onKey, renderRow, keyShortcuts, listRef }: QueueListProps) {
  const index = Math.max(
    0,
    rows.findIndex((r) => r.handoff.id === selectedId),
  );
  const selected = rows[index] ?? null;

  useEffect(() => {
    if (!selected) return;
    document.getElementById(optionId(id, selected.handoff.id))?.scrollIntoView?.({ block: 'nearest' });
  }, [id, selected]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey || rows.length === 0) return;
    const move = (to: number) => {
      e.preventDefault();
      const clamped = Math.min(rows.length - 1, Math.max(0, to));
      onSelect(rows[clamped]!, clamped);
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(rows.length - 1);
      case 'PageDown':
        return move(index + 10);
      case 'PageUp':
        return move(index - 10);
      case 'Enter':
        e.preventDefault();
        if (!e.repeat) onKey('Enter', selected);
        return;
      case 'a':
      case 'A':
        e.preventDefault();
        if (!e.repeat) onKey('A', selected);
        return;
    }
  }

  return (
    <div
      ref={listRef}
      id={id}
      role="listbox"
      tabIndex={0}
      className="queue-list"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-activedescendant={selected ? optionId(id, selected.handoff.id) : undefined}
      aria-keyshortcuts={keyShortcuts}
      onKeyDown={onKeyDown}
      // The first list on screen (waiting, else in service) is where the queue opens.
      {...INITIAL_FOCUS}
    >
      {rows.map((row, i) => (
        <div
          key={row.handoff.id}
          id={optionId(id, row.handoff.id)}
          role="option"
          aria-selected={row === selected}
          className={`queue-entry${row.handoff.acute ? ' is-acute' : ''}${row.sameDay !== 'ok' ? ' is-at-risk' : ''}`}
          onClick={() => {
            onSelect(row, i);
            listRef.current?.focus();
          }}
        >
          {renderRow(row)}
        </div>
      ))}
    </div>
  );
}
