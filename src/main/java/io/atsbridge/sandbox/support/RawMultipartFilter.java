package io.atsbridge.sandbox.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Map<String, String[]> query = queryParameters(req.getQueryString());
        chain.doFilter(new HttpServletRequestWrapper(req) {
            // Tomcat would parse a multipart body for getParameter* itself (and eat it): answer from the query only
            @Override public String getParameter(String name) {
                String[] v = query.get(name);
                return v == null ? null : v[0];
            }
            @Override public Map<String, String[]> getParameterMap() { return query; }
            @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(query.keySet()); }
            @Override public String[] getParameterValues(String name) { return query.get(name); }
            @Override public String getContentType() { return HIDDEN_TYPE; }
            @Override public String getHeader(String name) {
                return "content-type".equalsIgnoreCase(name) ? HIDDEN_TYPE : super.getHeader(name);
            }
            @Override public Enumeration<String> getHeaders(String name) {
                return "content-type".equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(HIDDEN_TYPE)) : super.getHeaders(name);
            }
        }, res);
    }

    static Map<String, String[]> queryParameters(String queryString) {
        Map<String, List<String>> acc = new LinkedHashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                acc.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%' stays as sent
        }
    }

    /** The multipart Content-Type of this request, or null if it is not a multipart request. */
    public static String multipartType(HttpServletRequest req) {
        Object t = req.getAttribute(ORIGINAL_CONTENT_TYPE);
        return t == null ? null : t.toString();
    }
}
