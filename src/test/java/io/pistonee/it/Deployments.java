package io.pistonee.it;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WARs integration tests deploy, all made from what {@code mvn package} built. */
public final class Deployments {

    private static final String LIBS = "/WEB-INF/lib/";
    /**
     * The server-specific descriptors every Piston EE WAR carries: Payara's and WildFly's (what the
     * framework needs in {@code web.xml} comes in its jar's {@code web-fragment.xml}).
     */
    private static final List<String> DESCRIPTORS =
            List.of("/WEB-INF/glassfish-web.xml", "/WEB-INF/jboss-deployment-structure.xml");

    private Deployments() {}

    /** The example application's WAR, exactly as built. */
    public static WebArchive example() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
    }

    /**
     * A WAR that uses Piston EE as a library, as another application would: the framework jar and its
     * dependencies in {@code WEB-INF/lib} (as the example's WAR has them), plus the given classes.
     */
    public static WebArchive library(String name, Class<?>... classes) {
        WebArchive built = example();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (String descriptor : DESCRIPTORS) {
            war.add(built.get(descriptor).getAsset(), descriptor);
        }
        for (var entry : built.getContent(Filters.include(LIBS + ".*\\.jar")).entrySet()) {
            ArchivePath path = entry.getKey();
            Node node = entry.getValue();
            war.add(node.getAsset(), path);
        }
        return war;
    }

    /**
     * Where a deployment of the given name would be served, for tests that cannot ask Arquillian (a
     * deployment the server refused has no URL): the server's root, from the system property
     * {@code it.server.url}, plus the name as context root. The WildFly execution sets it; on Payara
     * Micro, {@link io.pistonee.it.server.PayaraMicroContainer} sets it for each server it boots.
     */
    public static URL server(String name) {
        String root = System.getProperty("it.server.url");
        if (root == null) {
            throw new IllegalStateException("it.server.url is not set: run the ITs through Maven (failsafe)");
        }
        try {
            return URI.create(root.endsWith("/") ? root : root + "/")
                    .resolve(name + "/")
                    .toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A WAR with lines added to its {@code META-INF/microprofile-config.properties} (in
     * {@code WEB-INF/classes}); a key given again here wins, being read last.
     */
    public static WebArchive withConfig(WebArchive war, String... lines) {
        String path = "/WEB-INF/classes/META-INF/microprofile-config.properties";
        String existing = "";
        if (war.contains(path)) {
            try (java.io.InputStream in = war.get(path).getAsset().openStream()) {
                existing = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "\n";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            war.delete(path);
        }
        return war.add(new StringAsset(existing + String.join("\n", lines) + "\n"), path);
    }

    /**
     * A WAR with a {@code META-INF/persistence.xml} (in {@code WEB-INF/classes}) of one JTA unit named
     * after the WAR, listing exactly the given entities, whose tables are created at deployment.
     */
    public static WebArchive withEntities(WebArchive war, String dataSource, Class<?>... entities) {
        StringBuilder classes = new StringBuilder();
        for (Class<?> entity : entities) {
            classes.append("    <class>").append(entity.getName()).append("</class>\n");
        }
        String unit = """
                <persistence version="3.0" xmlns="https://jakarta.ee/xml/ns/persistence">
                  <persistence-unit name="%s" transaction-type="JTA">
                    <jta-data-source>%s</jta-data-source>
                %s    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <shared-cache-mode>NONE</shared-cache-mode>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="create"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(war.getName().replace(".war", ""), dataSource, classes);
        return war.addAsResource(new StringAsset(unit), "META-INF/persistence.xml");
    }

    /**
     * A WAR with a data source of the given JNDI name, declared in its {@code web.xml} (so both servers
     * read it the same way), on an H2 TCP server on 127.0.0.1 at {@code port}: a database a test can
     * take away. WildFly gets H2's driver from its own module.
     */
    public static WebArchive withH2DataSource(WebArchive war, String name, int port, String database, int maxPool) {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>%s</name>
                    <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
                    <url>jdbc:h2:tcp://127.0.0.1:%d/mem:%s;DB_CLOSE_DELAY=-1</url>
                    <user>sa</user>
                    <password>sa</password>
                    <initial-pool-size>0</initial-pool-size>
                    <max-pool-size>%d</max-pool-size>
                    <min-pool-size>0</min-pool-size>
                  </data-source>
                </web-app>""".formatted(name, port, database, maxPool);
        war.addAsWebInfResource(new StringAsset(webXml), "web.xml");
        return replace(war, "/WEB-INF/jboss-deployment-structure.xml", "  <deployment>", """
                  <deployment>
                    <dependencies>
                      <module name="com.h2database.h2"/>
                    </dependencies>""");
    }

    /** Rewrites a text file of the archive, replacing a marker that occurs once. */
    public static WebArchive replace(WebArchive war, String path, String marker, String replacement) {
        String text;
        try (java.io.InputStream in = war.get(path).getAsset().openStream()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!text.contains(marker)) {
            throw new IllegalStateException(path + " has no " + marker);
        }
        war.delete(path);
        return war.add(new StringAsset(text.replace(marker, replacement)), path);
    }

    /** The framework's jar, as {@code mvn package} built it beside the example's WAR. */
    public static File frameworkJar() {
        return new File(builtWar().getParentFile(), "piston-ee.jar");
    }

    private static File builtWar() {
        File war = new File(System.getProperty("piston.war", "target/piston-ee-example.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after 'mvn package'");
        }
        return war;
    }
}
