// Scripts run inside a rendered page: one installed before the page's own scripts (no WebRTC, a largest-contentful-
// paint observer), one read after it settled (paint and navigation timings). Kept as strings: they run in the
// browser, not in Node, and must not be transformed by our compiler.

/** Runs before any of the page's scripts, in every frame. */
export const INIT_SCRIPT = `(() => {
  // WebRTC opens UDP sockets of its own, outside request interception: a rendered page gets none.
  for (const k of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel']) {
    try { Object.defineProperty(window, k, { value: undefined, configurable: false, writable: false }); } catch (e) {}
  }
  window.__eduLcp = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__eduLcp = Math.max(window.__eduLcp, e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) {}
})();`;

/** Milliseconds since navigation start, read once the page settled; missing figures are null. */
export const TIMINGS_SCRIPT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    fcpMs: fcp ? fcp.startTime : null,
    lcpMs: window.__eduLcp > 0 ? window.__eduLcp : null,
    loadMs: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
  };
})()`;

export interface BrowserTimings {
  fcpMs: number | null;
  lcpMs: number | null;
  loadMs: number | null;
}
