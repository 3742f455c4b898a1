package io.pistonee.it.handlers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which Jackson the deployment runs with, as the server loaded it: the version, and where the
 * classes came from.
 */
@Handler("libraries")
public class LibrariesHandler implements ListOperation {

    @Override
    public Map<String, String> list() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("jackson", PackageVersion.VERSION.toString());
        libraries.put(
                "source",
                String.valueOf(
                        ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation()));
        return libraries;
    }
}
