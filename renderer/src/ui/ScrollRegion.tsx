import type { ReactNode } from 'react';

/**
 * The one place a wide table or grid may be wider than the screen (WCAG 1.4.10 reflow, issue 10
 * item 6): at 400 % zoom it scrolls sideways inside this region, never the page. The region is
 * named and keyboard-focusable, so it can be scrolled with the arrow keys (axe:
 * scrollable-region-focusable). A grid with its own roving focus passes `focusable={false}`: moving
 * between its cells scrolls the region, and a second Tab stop in front of it would only be in the way.
 * The name starts with "Tabelle:" so it never repeats the name of the section around it.
 */
export function ScrollRegion({ label, focusable = true, children }: { label: string; focusable?: boolean; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={`Tabelle: ${label}`} tabIndex={focusable ? 0 : undefined} data-scroll-region="">
      {children}
    </div>
  );
}
