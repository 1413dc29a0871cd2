package org.gridgov.web.archfixture;

import org.gridgov.demo.DemoSize;

/**
 * Deliberately breaks "no class outside org.gridgov.demo depends on the demo module" so ModularityTests can show the
 * rule bites. Test code may see the demo (runtime scope puts it on the test classpath); main code cannot compile so.
 */
public class DemoReference {

    public String size() {
        return DemoSize.SMALL.label();
    }
}
