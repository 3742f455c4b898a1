package io.pistonee.openapi;

import io.pistonee.resource.PistonResource;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the generic JAX-RS resource out of the document: each handler is documented at its own path
 * by the {@link PistonModelReader}, never as {@code /api/{resource}}. The framework excludes the
 * resource from scanning too ({@code mp.openapi.scan.exclude.classes}); this filter holds even where
 * an application replaced that setting. Registered with {@code mp.openapi.filter}.
 */
public class PistonOpenApiFilter implements OASFilter {

    private static final String RESOURCE = "/{" + PistonResource.RESOURCE + "}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> generic = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(PistonOpenApiFilter::isGeneric)
                .toList();
        generic.forEach(openAPI.getPaths()::removePathItem);
    }

    static boolean isGeneric(String path) {
        return path.endsWith(RESOURCE) || path.endsWith(RESOURCE + "/{" + PistonResource.ID + "}");
    }
}
