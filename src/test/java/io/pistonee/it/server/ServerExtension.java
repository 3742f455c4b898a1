package io.pistonee.it.server;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link PayaraMicroContainer} in place of the Payara Micro adapter's container in the failsafe
 * executions that run on Payara Micro (those whose class path has the adapter); the WildFly
 * executions keep WildFly's adapter as it is.
 */
public final class ServerExtension implements LoadableExtension {

    private static final String ADAPTER =
            "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        try {
            Class<?> adapter = Class.forName(ADAPTER, false, ServerExtension.class.getClassLoader());
            builder.override(
                    DeployableContainer.class,
                    adapter.asSubclass(DeployableContainer.class),
                    PayaraMicroContainer.class);
        } catch (ClassNotFoundException e) {
            // not a Payara Micro execution: nothing to replace
        }
    }
}
