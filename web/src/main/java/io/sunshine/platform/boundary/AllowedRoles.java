package io.sunshine.platform.boundary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST method (on the method, else on its class); {@code "**"} admits any
 * signed-in user. Enforced by {@link DeclaredRoles} with {@link RoleCheck}, which answers a refusal
 * in the caller's language and audits it.
 *
 * <p>The platform's own annotation rather than {@code jakarta.annotation.security.RolesAllowed}:
 * for a web module inside an EAR, Payara registers its MicroProfile JWT filter for every JAX-RS
 * method carrying the Jakarta annotations, whatever {@code payara-web.xml} says, and that filter
 * asks Jakarta Security for the caller on every request — which in Payara 6 tries to load absent
 * JBoss classes through the application's class loader, under its lock: the auction benchmark
 * measured it as the request path's bottleneck. EJBs keep the Jakarta annotations (the EJB
 * container enforces them).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedRoles {
    String[] value();
}
