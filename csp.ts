// The Content-Security-Policy the production build is tested under (`PREVIEW_CSP=1 npx vite
// preview`, test/live.spec.ts) and that a deployment can send: no inline script, no eval, no
// inline <style>, network only to this origin (DQOps is reached through the /api proxy).
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
