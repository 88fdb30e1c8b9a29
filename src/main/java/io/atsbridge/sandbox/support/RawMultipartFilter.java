package io.atsbridge.sandbox.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides multipart bodies from Spring's multipart resolver on simulator paths, so the application-wide upload limits
 * (1 MB per file by default) do not pre-empt the simulated ATS's own rules. The original Content-Type stays readable
 * in the request attribute {@link #ORIGINAL_CONTENT_TYPE}; the controller parses the body with {@link Multipart}.
 */
public class RawMultipartFilter extends OncePerRequestFilter {
    public static final String ORIGINAL_CONTENT_TYPE = RawMultipartFilter.class.getName() + ".contentType";
    private static final String HIDDEN_TYPE = "application/x-sandbox-multipart";

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(req, res);
            return;
        }
        req.setAttribute(ORIGINAL_CONTENT_TYPE, type);
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override public String getContentType() { return HIDDEN_TYPE; }
            @Override public String getHeader(String name) {
                return "content-type".equalsIgnoreCase(name) ? HIDDEN_TYPE : super.getHeader(name);
            }
            @Override public java.util.Enumeration<String> getHeaders(String name) {
                return "content-type".equalsIgnoreCase(name)
                        ? java.util.Collections.enumeration(java.util.List.of(HIDDEN_TYPE)) : super.getHeaders(name);
            }
        }, res);
    }

    /** The multipart Content-Type of this request, or null if it is not a multipart request. */
    public static String multipartType(HttpServletRequest req) {
        Object t = req.getAttribute(ORIGINAL_CONTENT_TYPE);
        return t == null ? null : t.toString();
    }
}
