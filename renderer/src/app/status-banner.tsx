/**
 * A slot above every screen for app-wide states the desk must see (e.g. LB cover mode, issue #3).
 * Empty while there is nothing to show.
 */
export function AppStatusBanner() {
  return null;
}
