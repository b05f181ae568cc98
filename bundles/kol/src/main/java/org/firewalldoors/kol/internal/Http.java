package org.firewalldoors.kol.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Channel;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.http.ApiContext;
import org.firewalldoors.api.http.ApiException;

/** What the KOL resources read from a request and how they answer; errors are mapped by the host in one place. */
final class Http {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Http() {
    }

    static Caller caller(HttpServletRequest request) {
        if (request.getAttribute(ApiContext.PRINCIPAL) instanceof Principal p) {
            return new Caller(p, Channel.HTTP);
        }
        throw new ApiException(401, "UNAUTHENTICATED", "valid credentials are required");
    }

    static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.length() <= 1 ? new String[0] : info.substring(1).split("/", -1);
    }

    static ApiException notFound(HttpServletRequest request) {
        return ApiException.notFound("no resource at " + request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getWriter().write(GSON.toJson(body));
    }
}
