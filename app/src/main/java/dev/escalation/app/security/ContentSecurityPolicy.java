package dev.escalation.app.security;

/**
 * The {@code Content-Security-Policy} of every response. The UI (static/index.html, app.js,
 * app.css) and Spring's login page load scripts and styles only from files of this app, with no
 * inline script, inline style or {@code style} attribute, so nothing but 'self' is allowed; an
 * injected {@code <script>} or event handler does not run even if some text ever reached the page
 * as markup. The API's JSON is not rendered by browsers, so the header costs it nothing.
 */
final class ContentSecurityPolicy {
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

  private ContentSecurityPolicy() {}
}
