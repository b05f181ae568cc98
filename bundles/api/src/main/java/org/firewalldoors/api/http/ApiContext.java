package org.firewalldoors.api.http;

/**
 * Names of the servlet context the host registers for its HTTP API. A plugin
 * registers its servlet with the whiteboard property
 * {@code osgi.http.whiteboard.context.select=}{@link #SELECT} and a pattern
 * under {@link #BASE_PATH}; the host authenticates the caller before the servlet
 * runs and maps every exception the servlet throws to the error shape.
 */
public final class ApiContext {

    /** The name of the servlet context. */
    public static final String NAME = "org.firewalldoors.api";

    /** The context selection filter to put in {@code osgi.http.whiteboard.context.select}. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    /** The path under which every resource of the API lives. */
    public static final String BASE_PATH = "/api/v1";

    /**
     * The request attribute holding the authenticated
     * {@link org.firewalldoors.api.host.Principal}; absent only on the health
     * resource.
     */
    public static final String PRINCIPAL = "org.firewalldoors.principal";

    private ApiContext() {
    }
}
