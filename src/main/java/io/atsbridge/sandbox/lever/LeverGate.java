package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.lever.LeverAccounts.Caller;
import io.atsbridge.sandbox.support.ConnectionBreaker;
import io.atsbridge.sandbox.support.FaultPlan;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The front door of the simulated Data API, in Lever's order: authentication (401), the per-key token bucket (429),
 * then the account's injected faults (connection reset, 429 storm, 5xx, slowness). The authenticated caller is left
 * in the request attribute {@link #CALLER}.
 */
final class LeverGate implements HandlerInterceptor {
    static final String CALLER = "io.atsbridge.sandbox.lever.caller";

    private final LeverAccounts accounts;
    private final ObjectMapper json;

    LeverGate(LeverAccounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) throws Exception {
        Caller c = authenticate(accounts, req.getHeader("Authorization"));
        if (c == null) {
            write(res, 401, "Unauthorized", "No valid API key or access token was provided", null);
            return false;
        }
        if (!accounts.takeToken(c)) {
            write(res, 429, "TooManyRequests", "Too many requests; slow down and retry with exponential backoff", null);
            return false;
        }
        FaultPlan faults = c.account().faults;
        switch (faults.next()) {
            case RESET -> throw ConnectionBreaker.breakConnection(res);
            case RATE_LIMITED -> {
                write(res, 429, "TooManyRequests", "Too many requests; slow down and retry with exponential backoff",
                        faults.retryAfterSeconds());
                return false;
            }
            case SERVER_ERROR -> {
                int status = faults.errorStatus();
                if (status == 503) {
                    write(res, 503, "ServiceUnavailable", "Lever is temporarily unavailable for maintenance", null);
                } else {
                    write(res, status, "InternalServerError", "An unexpected error occurred", null);
                }
                return false;
            }
            case NONE -> { }
        }
        long slow = faults.slowMs();
        if (slow > 0) Thread.sleep(slow);
        req.setAttribute(CALLER, c);
        return true;
    }

    /** Basic (the key as user name, blank password) or Bearer; null when neither names a live credential. */
    static Caller authenticate(LeverAccounts accounts, String header) {
        if (header == null) return null;
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            String key = colon >= 0 ? decoded.substring(0, colon) : decoded;
            return accounts.authenticateKey(key);
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.authenticateBearer(header.substring(7).trim());
        }
        return null;
    }

    private void write(HttpServletResponse res, int status, String code, String message, Integer retryAfter) throws IOException {
        res.setStatus(status);
        if (retryAfter != null) res.setHeader("Retry-After", Integer.toString(retryAfter));
        res.setContentType("application/json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        res.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
