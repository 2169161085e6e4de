package io.sunshine.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api}: the platform's own resources under {@code /api/v1}, JSON in and
 * out, errors as problem details. Every resource method declares its roles ({@link DeclaredRoles}
 * refuses any that does not).
 */
@ApplicationPath("api")
@DeclareRoles({"PURCHASER", "AGENCY", "SUPPLIER", "EXPERT", "FINANCE", "SUPERVISOR", "ADMIN"})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Sunshine Procurement API 阳光采购平台接口",
                        version = "1",
                        description =
                                "Government e-procurement: budget, procurement, payment,"
                                        + " supervision. Sign in with POST /api/v1/auth/token and"
                                        + " send the token as Authorization: Bearer. Errors are"
                                        + " RFC 9457 problem details in zh-CN or en"
                                        + " (Accept-Language)."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class RestApplication extends Application {}
