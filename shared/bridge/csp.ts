import { RECEIPT_STYLE_HASH } from './receipt-html';
import { REPORT_STYLE_HASH } from './report-html';

/**
 * Electron security checklist 7: a strict CSP. The app:// handler sends it as a header; the web
 * build writes it into index.html as a meta tag (vite.renderer.config.ts). No 'unsafe-inline' anywhere:
 * the built renderer has no inline script or style (React sets styles through the CSSOM); the
 * inline styles allowed are the receipt's and the printed report's, by hash, because the web
 * bridge's srcdoc iframe inherits this policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${RECEIPT_STYLE_HASH} ${REPORT_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
