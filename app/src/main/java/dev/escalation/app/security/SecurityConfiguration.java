package dev.escalation.app.security;

import static dev.escalation.workers.roster.Role.ADMIN;
import static dev.escalation.workers.roster.Role.HEAD_OF_SUPPORT;
import static dev.escalation.workers.roster.Role.SPECIALIST;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.workers.roster.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.time.Clock;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may call what. Deny by default: every path the app serves has a rule below, and a path
 * without one answers 403 to everyone (401 without credentials). The table in docs/security.md
 * is this method in words; keep both in step.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {
  private static final String[] STAFF = Roles.names(Role.STAFF);
  private static final String[] STAFF_AND_ADMIN = Roles.names(union(Role.STAFF, Set.of(ADMIN)));
  private static final String[] SUPERVISORS = Roles.names(Role.SUPERVISORS);
  private static final String[] SUPERVISORS_AND_ADMIN = Roles.names(union(Role.SUPERVISORS, Set.of(ADMIN)));
  private static final String[] GRABBERS = Roles.names(union(Role.SUPERVISORS, Set.of(SPECIALIST)));
  private static final String[] DEV_TASK_CLOSERS = Roles.names(union(Role.SUPERVISORS, Set.of(SPECIALIST, ADMIN)));

  /** bcrypt (strength 10); successful checks are remembered for a few minutes, see RememberedPasswordChecks. */
  @Bean
  PasswordEncoder passwordEncoder(Clock clock) {
    return new RememberedPasswordChecks(new BCryptPasswordEncoder(), clock);
  }

  @Bean
  UserDetailsService userDetailsService(Accounts accounts, RecentLogins recent) {
    return new DatabaseUserDetails(accounts, recent);
  }

  @Bean
  RecentLogins recentLogins(Clock clock) {
    return new RecentLogins(clock);
  }

  @Bean
  SecurityProblems securityProblems(ObjectMapper json) {
    return new SecurityProblems(json);
  }

  /** Requests the firewall rejects (encoded ';', '%00', ...) are 400 problems like any other bad input. */
  @Bean
  WebSecurityCustomizer rejectedRequestsAreProblems(ObjectMapper json) {
    return web -> web.requestRejectedHandler(new RejectedRequests(json));
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProblems problems, Accounts accounts,
      LoginThrottle throttle, LoginLog logins, ObjectMapper json) throws Exception {
    CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
    csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request, so the XSRF-TOKEN cookie is always there

    http
        .authorizeHttpRequests(rules -> rules
            // ASYNC: the end of a response (the event stream) whose request the rules below already let through
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC).permitAll()
            // /actuator/health has a chain of its own (HealthProbeSecurity)
            .requestMatchers("/login", "/error", "/default-ui.css").permitAll()
            // webhooks verify their HMAC signature or shared secret themselves (issue 4, dev tasks)
            .requestMatchers("/api/webhooks/**").permitAll()
            // M5 customer surveys: the signed link is the permission (Surveys checks it); the page loads its own files
            .requestMatchers(GET, "/survey/*", "/survey.js", "/survey.css").permitAll()
            .requestMatchers(POST, "/survey/*").permitAll()
            // customers' channels (issue 12, C1): the provider's secret or signature is the authentication
            .requestMatchers(POST, "/api/channels/telegram/webhook", "/api/channels/whatsapp/webhook", "/api/channels/instagram/webhook")
                .permitAll()
            .requestMatchers(GET, "/api/channels/whatsapp/webhook", "/api/channels/instagram/webhook").permitAll()
            // the support UI; its API calls are checked one by one below
            .requestMatchers(GET, "/", "/index.html", "/app.js", "/app.css", "/favicon.ico").authenticated()
            // the UI's view modules and the WebJars it loads (the BPMN viewer)
            .requestMatchers(GET, "/ui/**", "/webjars/**").authenticated()
            // S2: the calendars page; its changes are admins' only (the /api/calendars rules below)
            .requestMatchers(GET, "/calendars.html", "/calendars.js").authenticated()
            .requestMatchers(GET, "/api/me").authenticated()
            // users and API tokens
            .requestMatchers("/api/admin/**").hasRole(ADMIN.name())
            // roster, calendars, on-call: everyone reads, only admins change
            .requestMatchers(GET, "/api/roster", "/api/roster/**", "/api/calendars", "/api/calendars/**", "/api/on-call",
                "/api/on-call/**").authenticated()
            .requestMatchers("/api/roster", "/api/roster/**", "/api/calendars", "/api/calendars/**", "/api/on-call",
                "/api/on-call/**").hasRole(ADMIN.name())
            // tickets: staff open them; of the staff, the owner or a manager and above act on them: method
            // security on the id each action is bound to (@ActsOnTicket), never a second reading of the path
            // C3: internal notes are for support staff only (adding one is a ticket action: owner or supervisor)
            .requestMatchers(GET, "/api/tickets/{id}/internal-notes").hasAnyRole(STAFF)
            .requestMatchers(GET, "/api/tickets", "/api/tickets/**").hasAnyRole(STAFF_AND_ADMIN)
            .requestMatchers(POST, "/api/tickets").hasAnyRole(STAFF)
            // W2 grab: specialists and supervisors (of the specialists, those of the ticket's group and tier: method
            // security, @GrabsTicket); W3 reassignment: supervisors
            .requestMatchers(POST, "/api/tickets/{id}/grab").hasAnyRole(GRABBERS)
            .requestMatchers(POST, "/api/tickets/{id}/reassignment").hasAnyRole(SUPERVISORS)
            .requestMatchers(POST, "/api/tickets/{id}/**").hasAnyRole(STAFF)
            .requestMatchers(GET, "/api/notifications", "/api/notifications/**").hasAnyRole(STAFF_AND_ADMIN)
            // C2: whether a translation service is configured (the ticket page asks)
            .requestMatchers(GET, "/api/translation").hasAnyRole(STAFF_AND_ADMIN)
            // W1 the queue: every open ticket in urgency order, read like the ticket list
            .requestMatchers(GET, "/api/queue").hasAnyRole(STAFF_AND_ADMIN)
            // W4 the event stream: changes of the tickets the caller may read (TicketAccess.maySee)
            .requestMatchers(GET, "/api/events").hasAnyRole(STAFF_AND_ADMIN)
            .requestMatchers(GET, "/api/metrics", "/api/metrics/**").hasAnyRole(SUPERVISORS_AND_ADMIN)
            // M9 SLA compliance and breaches, the managers' dashboard (its page and script) and the M6 what-if replay
            // (the chart library is a WebJar, served to any login with the others above: it is public code)
            .requestMatchers(GET, "/api/reports/**", "/dashboard.html", "/dashboard.js", "/dashboard.css", "/what-if.html",
                "/what-if.js").hasAnyRole(SUPERVISORS_AND_ADMIN)
            .requestMatchers(POST, "/api/criteria/what-if").hasAnyRole(SUPERVISORS_AND_ADMIN)
            // human tasks (refund approvals, reviews): the inbox shows what the caller may act on; claiming and
            // completing are for the task's candidate groups (method security, TaskAccess); whether the amount of a
            // refund is within the caller's authority is a business rule the inbox checks (refund-authority DMN)
            .requestMatchers(GET, "/api/tasks", "/api/tasks/**").hasAnyRole(STAFF)
            .requestMatchers(POST, "/api/tasks/{id}/**").hasAnyRole(STAFF)
            // post-resolution review answers (A3), for the team leads
            .requestMatchers(GET, "/api/reviews", "/api/reviews/**").hasAnyRole(SUPERVISORS)
            // M7 overrides review: the list, its page, and marking one reviewed, for managers and above
            .requestMatchers(GET, "/api/overrides", "/overrides.html", "/overrides.js").hasAnyRole(SUPERVISORS)
            .requestMatchers(POST, "/api/overrides/{id}/review").hasAnyRole(SUPERVISORS)
            // dev tasks for product bugs, and pages to the on-duty manager
            .requestMatchers(GET, "/api/dev-tasks", "/api/dev-tasks/**").hasAnyRole(STAFF_AND_ADMIN)
            // closing a task of the internal tracker tells the customer a fix shipped: not for frontline agents
            .requestMatchers(POST, "/api/dev-tasks/{key}/close").hasAnyRole(DEV_TASK_CLOSERS)
            .requestMatchers(GET, "/api/pages", "/api/pages/**").hasAnyRole(STAFF_AND_ADMIN)
            .requestMatchers(POST, "/api/pages/{id}/ack").hasAnyRole(SUPERVISORS)
            // embedded mode's dev clock and mailbox (the endpoints do not exist in any other mode): the clock moves
            // every ticket's SLA at once, the mailbox shows every customer's mail
            .requestMatchers("/api/dev/**").hasAnyRole(ADMIN.name(), HEAD_OF_SUPPORT.name())
            .requestMatchers(GET, "/actuator/**").hasRole(ADMIN.name())
            .anyRequest().denyAll())
        .formLogin(form -> form.defaultSuccessUrl("/", true).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.api()))
        .addFilterBefore(new LoginThrottleFilter(throttle, logins, json), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new BearerTokenFilter(accounts, problems.api(), logins), BasicAuthenticationFilter.class)
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY)))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        // registered as the first default (not set outright), so that Spring still generates the login page
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
            .accessDeniedHandler(problems))
        .csrf(csrf -> csrf
            .csrfTokenRepository(csrfCookie())
            .csrfTokenRequestHandler(csrfHandler)
            .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
    return http.build();
  }

  /** SameSite=Lax like the session cookie (server.servlet.session.cookie.same-site, see docs/security.md). */
  private static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
    cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
    return cookie;
  }

  /**
   * Only what a browser's session authenticates needs the CSRF token: a request with an
   * Authorization header (HTTP Basic, bearer token) cannot be forged cross-site (a foreign page
   * cannot set that header without a CORS preflight, which this app never allows, and the app
   * never sends a Basic challenge a browser would remember), and a request without a session is
   * not authenticated by it. The login form always needs it (no login CSRF).
   */
  private static boolean needsCsrfToken(HttpServletRequest request) {
    String method = request.getMethod();
    if (Stream.of("GET", "HEAD", "OPTIONS", "TRACE").anyMatch(method::equals)) {
      return false;
    }
    if (request.getHeader("Authorization") != null) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/webhooks/") || path.startsWith("/survey/")
        || (path.startsWith("/api/channels/") && path.endsWith("/webhook"))) {
      return false; // a webhook's signature or secret, a survey's signed link: none rests on a session
    }
    return path.equals("/login") || request.getSession(false) != null || request.getRequestedSessionId() != null;
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
