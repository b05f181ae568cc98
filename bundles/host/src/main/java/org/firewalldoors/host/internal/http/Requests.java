package org.firewalldoors.host.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Channel;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;

/** What resources read from an authenticated request. */
final class Requests {

    private Requests() {
    }

    static Principal principal(HttpServletRequest request) {
        if (request.getAttribute(ApiContext.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new ApiException(401, "UNAUTHENTICATED", "valid credentials are required");
    }

    static Caller caller(HttpServletRequest request) {
        return new Caller(principal(request), Channel.HTTP);
    }

    /** @return the path segments after the servlet's pattern prefix, without empty ones */
    static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.isEmpty() || "/".equals(info)) {
            return new String[0];
        }
        return info.substring(1).split("/", -1);
    }
}
