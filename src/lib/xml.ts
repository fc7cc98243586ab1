// Text inside an SVG or XML document.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Text for an element: characters XML 1.0 does not allow at all (control characters) dropped, cut to `max`. */
export function xmlText(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return escapeXml(clean.length > max ? `${clean.slice(0, max - 1)}…` : clean);
}
