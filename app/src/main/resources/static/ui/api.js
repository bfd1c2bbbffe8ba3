// The one API helper: same-origin calls with the session and its CSRF token; never throws.

/** The CSRF token the server keeps in the XSRF-TOKEN cookie; changes of the session send it back in X-XSRF-TOKEN. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/**
 * A problem in words for people. A 403's own detail names the user, roles, method and path (for
 * API clients and logs); people read the business reason alone when there is one.
 */
function forPeople(status, problem) {
  if (!problem || typeof problem !== 'object') return { detail: String(problem ?? '') };
  if (status === 403 && problem.type && String(problem.type).endsWith('forbidden')) {
    return { ...problem, title: 'Not allowed', detail: problem.reason ? `${problem.reason}.` : 'Your role may not do this.' };
  }
  if (status === 409 && !problem.title) return { ...problem, title: 'Changed meanwhile' };
  return problem;
}

/**
 * Calls the API. body undefined: GET (or the given method); otherwise JSON with POST unless a
 * method is given. Network failures come back as a problem with status 0.
 */
export async function api(path, body, method) {
  const init = { headers: { Accept: 'application/json, application/problem+json' }, credentials: 'same-origin' };
  if (body !== undefined || (method && method !== 'GET')) {
    init.method = method || 'POST';
    init.headers['X-XSRF-TOKEN'] = csrfToken();
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  try {
    const response = await fetch(path, init);
    if (response.status === 401) {
      // the session ended: back to the login form
      window.location.assign('/login');
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
    if (!response.ok) json = forPeople(response.status, json);
    return { ok: response.ok, status: response.status, body: json };
  } catch (e) {
    return { ok: false, status: 0, body: { title: 'Server not reachable', detail: `The app did not answer (${e.message}).` } };
  }
}
