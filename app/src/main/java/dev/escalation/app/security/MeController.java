package dev.escalation.app.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: the UI shows it and hides what the role may not do. */
@RestController
class MeController {

  record Me(String username, List<String> roles) {}

  @GetMapping("/api/me")
  Me me(Authentication who) {
    return new Me(who.getName(), who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
  }
}
