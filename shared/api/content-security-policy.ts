/**
 * The app window's Content-Security-Policy: only the app's own files, no inline or remote
 * script, no remote images, fonts, frames or connections. Served as a header by both hosts
 * and repeated in renderer/index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
