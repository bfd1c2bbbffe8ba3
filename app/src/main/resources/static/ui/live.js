// W4: changes pushed by the server (GET /api/events, server-sent events). Views subscribe and
// re-read what changed; nothing polls on a fixed interval while the stream is up.
const listeners = new Set();
let source = null;
let fallbackTimer = null;
const FALLBACK_MS = 5000;

/** fn({ ticketId, change }) for every event; returns an unsubscribe function. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(event) {
  for (const fn of listeners) fn(event);
}

function parse(data) {
  try {
    const json = JSON.parse(data);
    return { ticketId: json.ticketId ?? json.id ?? null, change: json.change ?? json.what ?? json.type ?? 'changed', raw: json };
  } catch {
    return { ticketId: null, change: 'changed', raw: data };
  }
}

export function connect() {
  if (source) return;
  source = new EventSource('/api/events', { withCredentials: true });
  source.onopen = () => {
    document.documentElement.dataset.live = 'connected';
    if (fallbackTimer) {
      clearInterval(fallbackTimer);
      fallbackTimer = null;
    }
    emit({ ticketId: null, change: 'reconnected' });
  };
  source.onmessage = (e) => emit(parse(e.data));
  for (const name of ['ticket', 'change', 'task', 'page']) source.addEventListener(name, (e) => emit(parse(e.data)));
  source.onerror = () => {
    // the browser reconnects by itself while the stream exists; when the server has no stream
    // (an older server: 404) the source closes, and only then do views re-read on a slow timer
    if (source.readyState === EventSource.CLOSED) {
      document.documentElement.dataset.live = 'unavailable';
      source = null;
      if (!fallbackTimer) fallbackTimer = setInterval(() => emit({ ticketId: null, change: 'refresh' }), FALLBACK_MS);
    } else {
      document.documentElement.dataset.live = 'reconnecting';
    }
  };
}
