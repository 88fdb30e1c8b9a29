package io.atsbridge.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} for the board API. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the token's length or content.
 */
public class BearerTokenFilter extends OncePerRequestFilter {
    private final List<byte[]> digests;

    public BearerTokenFilter(List<String> tokens) {
        this.digests = tokens.stream().filter(t -> t != null && !t.isBlank()).map(t -> sha256(t.trim())).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String h = req.getHeader("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) && matches(h.substring(7).trim())) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "board", null, AuthorityUtils.createAuthorityList("ROLE_BOARD")));
        }
        chain.doFilter(req, res);
    }

    boolean matches(String presented) {
        byte[] d = sha256(presented);
        boolean ok = false;
        for (byte[] known : digests) {
            ok |= MessageDigest.isEqual(known, d); // no early exit: every token is compared
        }
        return ok;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
