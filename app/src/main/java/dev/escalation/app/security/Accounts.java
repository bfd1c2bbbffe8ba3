package dev.escalation.app.security;

import dev.escalation.workers.roster.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logins (bcrypt) and API tokens (SHA-256 of a 256-bit random token) in MariaDB. */
@Service
public class Accounts {
  static final String TOKEN_PREFIX = "esc_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final UserCache recent;

  Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, @Lazy UserCache recent) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.recent = recent;
  }

  record Login(String username, String passwordHash, Role role, boolean enabled) {}

  record UserView(String username, String role, boolean enabled, Instant createdAt) {}

  record TokenView(long id, String name, String role, String createdBy, Instant createdAt, Instant revokedAt) {}

  /** A token as created: the only moment its secret is known. */
  record NewToken(long id, String name, String role, String token) {}

  Optional<Login> login(String username) {
    return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
        .param(username)
        .query((rs, n) -> new Login(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4)))
        .optional();
  }

  /**
   * Creates a login; support staff must be on the roster with the same role. Returns false when
   * the username is taken. Password rules are the caller's ({@link PasswordPolicy}).
   */
  @Transactional
  public boolean createUser(String username, String rawPassword, Role role) {
    if (role != Role.ADMIN) {
      String rosterRole = jdbc.sql("SELECT role FROM roster_member WHERE username = ?").param(username)
          .query(String.class).optional()
          .orElseThrow(() -> new AccountException("username", "must be on the roster for role " + role
              + " (only an ADMIN is a login without a roster row)"));
      if (!rosterRole.equals(role.name())) {
        throw new AccountException("role", "must be the roster role of " + username + ": " + rosterRole);
      }
    }
    int rows = jdbc.sql("INSERT IGNORE INTO app_user (username, password_hash, role, roster_username, enabled, created_at) "
            + "VALUES (?, ?, ?, ?, TRUE, ?)")
        .params(username, passwords.encode(rawPassword), role.name(), role == Role.ADMIN ? null : username, clock.instant())
        .update();
    return rows == 1;
  }

  @Transactional
  public void changePassword(String username, String rawPassword) {
    jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(passwords.encode(rawPassword), username).update();
    recent.removeUserFromCache(username);
  }

  @Transactional
  public void setEnabled(String username, boolean enabled) {
    jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
    recent.removeUserFromCache(username);
  }

  List<UserView> users() {
    return jdbc.sql("SELECT username, role, enabled, created_at FROM app_user ORDER BY username")
        .query((rs, n) -> new UserView(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getObject(4, Instant.class)))
        .list();
  }

  boolean anyAdmin() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled").query(Long.class).single() > 0;
  }

  /** Usernames of the enabled logins whose password is {@code rawPassword} (a bcrypt check per login). */
  List<String> usersWithPassword(String rawPassword) {
    return jdbc.sql("SELECT username, password_hash FROM app_user WHERE enabled")
        .query((rs, n) -> passwords.matches(rawPassword, rs.getString(2)) ? rs.getString(1) : null)
        .list().stream().filter(u -> u != null).toList();
  }

  @Transactional
  public NewToken createToken(String name, Role role, String createdBy) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    int rows = jdbc.sql("INSERT IGNORE INTO api_token (name, token_sha256, role, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(name, sha256(token), role.name(), createdBy, clock.instant()).update();
    if (rows != 1) {
      throw new AccountException("name", "is already used by another token");
    }
    long id = jdbc.sql("SELECT id FROM api_token WHERE name = ?").param(name).query(Long.class).single();
    return new NewToken(id, name, role.name(), token);
  }

  /** The token's name and role, if it exists and is not revoked. */
  Optional<TokenView> token(String rawToken) {
    return jdbc.sql("SELECT id, name, role, created_by, created_at, revoked_at FROM api_token WHERE token_sha256 = ? AND revoked_at IS NULL")
        .param(sha256(rawToken)).query(Accounts::tokenView).optional();
  }

  List<TokenView> tokens() {
    return jdbc.sql("SELECT id, name, role, created_by, created_at, revoked_at FROM api_token ORDER BY id").query(Accounts::tokenView).list();
  }

  @Transactional
  boolean revokeToken(long id) {
    return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(clock.instant(), id).update() == 1;
  }

  private static TokenView tokenView(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Instant.class),
        rs.getObject(6, Instant.class));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
