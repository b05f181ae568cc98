package org.firewalldoors.benchmarks;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * The activator of the probe bundle P6 puts into a bare Felix: prints {@link #STARTED} when the
 * framework has started every bundle of its start level. Depends on org.osgi.framework only.
 */
public final class StartupProbe implements BundleActivator, FrameworkListener {

    /** The line the probe prints. */
    public static final String STARTED = "FIREWALLDOORS-PROBE: framework STARTED";

    @Override
    public void start(BundleContext context) {
        context.addFrameworkListener(this);
    }

    @Override
    public void stop(BundleContext context) {
        context.removeFrameworkListener(this);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            System.out.println(STARTED);
            System.out.flush();
        }
    }
}
