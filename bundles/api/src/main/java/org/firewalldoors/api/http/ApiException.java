package org.firewalldoors.api.http;

/**
 * Thrown by a resource to answer with an error in the API's error shape:
 * {@code {"error": {"code", "message", "rule", "requirement"}}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * @param status  the HTTP status
     * @param code    the error code of the API contract, for example {@code MALFORMED}
     * @param message what went wrong, for the caller
     */
    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** @return a 400 MALFORMED */
    public static ApiException malformed(String message) {
        return new ApiException(400, "MALFORMED", message);
    }

    /** @return a 403 FORBIDDEN */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    /** @return a 404 NOT_FOUND */
    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    /** @return a 409 CONFLICT */
    public static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }
}
