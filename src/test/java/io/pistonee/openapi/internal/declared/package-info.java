/** A package that declares the application's {@code @OpenAPIDefinition}, for {@code InfoDocsTest}. */
@OpenAPIDefinition(info = @Info(title = "Declared on the package", version = "1"))
package io.pistonee.openapi.internal.declared;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
