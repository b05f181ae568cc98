package org.firewalldoors.itests;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.FrameworkUtil;

/**
 * For tests of the host's own contract: the compliance bundle is stopped around each test, so that only the
 * test's interceptors decide, and started again afterwards.
 */
final class WithoutCompliance implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Fixtures.complianceBundle(FrameworkUtil.getBundle(WithoutCompliance.class).getBundleContext()).stop();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Fixtures.complianceBundle(FrameworkUtil.getBundle(WithoutCompliance.class).getBundleContext()).start();
    }
}
