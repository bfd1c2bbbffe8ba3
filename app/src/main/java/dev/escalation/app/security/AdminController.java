package dev.escalation.app.security;

import dev.escalation.workers.roster.Role;
import dev.escalation.app.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Logins and API tokens, for admins (docs/security.md). */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {
  private final Accounts accounts;
  private final CurrentActor actor;

  AdminController(Accounts accounts, CurrentActor actor) {
    this.accounts = accounts;
    this.actor = actor;
  }

  record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username, @NotBlank String password,
      @NotNull Role role) {}

  record NewPassword(@NotBlank String password) {}

  record NewToken(@NotBlank @Size(max = 100) String name, @NotNull Role role) {}

  @GetMapping("/users")
  List<Accounts.UserView> users() {
    return accounts.users();
  }

  @PostMapping("/users")
  ResponseEntity<Map<String, String>> createUser(@Valid @RequestBody NewUser request) {
    checkPassword(request.password());
    if (!accounts.createUser(request.username(), request.password(), request.role())) {
      throw new AccountException("username", "is taken");
    }
    return ResponseEntity.created(URI.create("/api/admin/users/" + request.username()))
        .body(Map.of("username", request.username(), "role", request.role().name()));
  }

  @PostMapping("/users/{username}/password")
  ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody NewPassword request) {
    checkPassword(request.password());
    if (accounts.login(username).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    accounts.changePassword(username, request.password());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/tokens")
  List<Accounts.TokenView> tokens() {
    return accounts.tokens();
  }

  /** The token is in this answer only; the database keeps its SHA-256. */
  @PostMapping("/tokens")
  ResponseEntity<Accounts.NewToken> createToken(@Valid @RequestBody NewToken request) {
    Accounts.NewToken token = accounts.createToken(request.name().strip(), request.role(), actor.name());
    return ResponseEntity.created(URI.create("/api/admin/tokens/" + token.id())).body(token);
  }

  @DeleteMapping("/tokens/{id}")
  ResponseEntity<Void> revokeToken(@PathVariable long id) {
    return accounts.revokeToken(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  @ExceptionHandler(AccountException.class)
  ProblemDetail refused(AccountException e) {
    return Problems.invalid(e.field(), e.getMessage().substring(e.field().length() + 1));
  }

  private static void checkPassword(String password) {
    String problem = PasswordPolicy.problem(password);
    if (problem != null) {
      throw new AccountException("password", problem);
    }
  }
}
