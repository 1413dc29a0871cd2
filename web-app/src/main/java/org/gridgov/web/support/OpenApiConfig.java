package org.gridgov.web.support;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (browsable at /swagger-ui.html): title and the bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "GridGov API 网格治理平台接口", version = "v1",
                description = "Everything is limited to the caller's node of the hierarchy: an id outside it answers "
                        + "404. Get a token with POST /api/v1/auth/token and send it as `Authorization: Bearer`. "
                        + "Errors come as {status, error, message, fieldErrors} in the request's language "
                        + "(Accept-Language zh-CN or en)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfig {
}
