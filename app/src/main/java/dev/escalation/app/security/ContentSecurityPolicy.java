package dev.escalation.app.security;

/**
 * The {@code Content-Security-Policy} of every response. The UI (static/index.html, app.js,
 * app.css) and Spring's login page load scripts and styles only from files of this app, with no
 * inline script, inline style or {@code style} attribute, so nothing but 'self' is allowed; an
 * injected {@code <script>} or event handler does not run even if some text ever reached the page
 * as markup. The API's JSON is not rendered by browsers, so the header costs it nothing.
 *
 * <p>One exception, as narrow as CSP allows: bpmn-js's viewer (the ticket page's process map, a
 * WebJar we do not change) writes four fixed {@code style} attributes into the markup it builds.
 * {@code 'unsafe-hashes'} with their SHA-256 allows exactly those four values and no other style
 * attribute or inline style: the powered-by link's placement, its logo's alignment, and two hidden
 * helper elements it measures text with.
 */
final class ContentSecurityPolicy {
  /** The hashes of bpmn-js 8.0.0's fixed style attributes (see above); a new viewer version needs them checked again. */
  static final String VIEWER_STYLE_ATTRIBUTES = "'unsafe-hashes'"
      // "position: absolute; bottom: 15px; right: 15px; z-index: 100; color: #404040"
      + " 'sha256-j2t/iYgmiK/9tDIa+YLs3dUK18D+PDjuKi+KxuYXU/w='"
      // "vertical-align:middle"
      + " 'sha256-CA/eh4+2R0J7cEQ14gBMtx834RIOjzMUqCM+evtrkp4='"
      // "position: absolute; width: 0; height: 0;"
      + " 'sha256-AHtqGIKHiUalONG+xeO90E9yUgWLoWuygINiCuiaBnA='"
      // "visibility: hidden; position: fixed"
      + " 'sha256-F1/lIJB2HC2RT+RPHwCjlrUMGQft2PdUC4nHeQ7MKsc='";

  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' " + VIEWER_STYLE_ATTRIBUTES + "; img-src 'self' data:; connect-src 'self'; "
      + "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

  private ContentSecurityPolicy() {}
}
