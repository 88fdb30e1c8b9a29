package io.hawt.springboot.security;

import io.hawt.web.auth.RolePrincipal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Lets Hawtio trust the Spring Security login. Hawtio looks for a class of exactly this name (normally shipped in
 * io.hawt:hawtio-springboot-security, which our registries do not serve): on commit it turns the Spring authorities
 * of the authenticated subject into Hawtio role principals.
 */
public class HawtioSpringSecurityLoginModule implements LoginModule {
    private Subject subject;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
    }

    /**
     * Accepts without a password check on purpose: Hawtio calls this only for a request Spring Security has already
     * authenticated (every /actuator/hawtio and /actuator/jolokia path requires an operator login in SecurityConfig,
     * pinned by BoardApiSecurityTest); commit() grants only the roles that authentication carries.
     */
    @Override
    public boolean login() {
        return true;
    }

    @Override
    public boolean commit() {
        if (subject == null) {
            return false;
        }
        List<Principal> roles = new ArrayList<>();
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof Authentication auth && auth.isAuthenticated()) {
                for (GrantedAuthority a : auth.getAuthorities()) {
                    String role = a.getAuthority();
                    roles.add(new RolePrincipal(role.startsWith("ROLE_") ? role.substring(5) : role));
                }
            }
        }
        subject.getPrincipals().addAll(roles);
        return !roles.isEmpty();
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        return true;
    }
}
