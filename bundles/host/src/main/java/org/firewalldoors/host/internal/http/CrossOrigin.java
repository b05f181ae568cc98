package org.firewalldoors.host.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.firewalldoors.api.http.ApiException;

/**
 * CSRF with Basic: a browser that has cached Basic credentials sends them with any request a page of another
 * origin makes, and neither the session cookie's SameSite nor its CSRF token is there to stop it. Browsers say
 * where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); a state change that comes from another
 * origin, even of the same site, is refused. Clients that send neither header (curl, Java) are not browsers
 * and pass.
 */
final class CrossOrigin {

    private CrossOrigin() {
    }

    /** @throws ApiException 403 FORBIDDEN when the browser says the request comes from another origin */
    static void refuseForeign(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw refused("Sec-Fetch-Site: " + site);
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            throw refused("Origin: " + origin);
        }
    }

    /** @return whether {@code origin} is the request's own scheme, host and port */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme.equalsIgnoreCase(request.getScheme()) && port == request.getServerPort()
                && bare(uri.getHost()).equalsIgnoreCase(bare(request.getServerName()));
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : String.valueOf(host);
    }

    private static ApiException refused(String because) {
        return ApiException.forbidden("a state change from another origin is refused (" + because + "); "
                + "use the API from its own pages or from a client that is not a browser");
    }
}
