package io.pistonee.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WARs integration tests deploy, all made from what {@code mvn package} built. */
public final class Deployments {

    private static final String LIBS = "/WEB-INF/lib/";

    private Deployments() {}

    /** The example application's WAR, exactly as built. */
    public static WebArchive example() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
    }

    /**
     * A WAR that uses Piston EE as a library, as another application would: the framework jar
     * (classifier {@code lib}) and its dependencies in {@code WEB-INF/lib}, plus the given classes.
     */
    public static WebArchive library(String name, Class<?>... classes) {
        WebArchive built = example();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(new File(builtWar().getParentFile(), "piston-ee-lib.jar"))
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .add(built.get("/WEB-INF/glassfish-web.xml").getAsset(), "/WEB-INF/glassfish-web.xml");
        for (var entry : built.getContent(Filters.include(LIBS + ".*\\.jar")).entrySet()) {
            ArchivePath path = entry.getKey();
            Node node = entry.getValue();
            war.add(node.getAsset(), path);
        }
        return war;
    }

    private static File builtWar() {
        File war = new File(System.getProperty("piston.war", "target/piston-ee.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after 'mvn package'");
        }
        return war;
    }
}
