package io.sunshine.platform.boundary;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces the roles each REST method declares with {@link AllowedRoles} or {@link Public} (on the
 * method, else on its class). {@code @AllowedRoles("**")} admits any signed-in user. A method that
 * declares nothing is closed to everyone: secure by default. (Not the Jakarta annotations: see
 * {@link AllowedRoles}.)
 */
@Provider
public class DeclaredRoles implements DynamicFeature {
    private static final Logger LOG = Logger.getLogger(DeclaredRoles.class.getName());

    /** What a method declares: public, closed, or open to these roles. */
    public record Declaration(boolean isPublic, Set<String> roles) {
        static final Declaration PUBLIC = new Declaration(true, Set.of());
        static final Declaration CLOSED = new Declaration(false, Set.of());
    }

    /**
     * The declaration of a resource method, or null when it declares none. The class may be a
     * container proxy (CDI subclass) that carries no annotations itself: the method and the class
     * are looked up along the superclasses.
     */
    public static Declaration of(Class<?> type, Method method) {
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                Declaration d =
                        of(k.getDeclaredMethod(method.getName(), method.getParameterTypes()));
                if (d != null) {
                    return d;
                }
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        Declaration d = of(method);
        if (d != null) {
            return d;
        }
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            d = of(k);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static Declaration of(java.lang.reflect.AnnotatedElement e) {
        if (e.isAnnotationPresent(Public.class)) {
            return Declaration.PUBLIC;
        }
        AllowedRoles r = e.getAnnotation(AllowedRoles.class);
        return r == null ? null : new Declaration(false, Set.of(r.value()));
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        Method m = info.getResourceMethod();
        Declaration d = of(info.getResourceClass(), m);
        if (d == null) {
            // Jersey's own OPTIONS and WADL handlers are closed too; only our omissions are errors
            boolean ours = info.getResourceClass().getName().startsWith("io.sunshine.");
            LOG.log(
                    ours ? Level.SEVERE : Level.FINE,
                    () ->
                            "REST method declares no roles and is closed: "
                                    + info.getResourceClass().getName()
                                    + "#"
                                    + m.getName());
            d = Declaration.CLOSED;
        }
        if (!d.isPublic()) {
            context.register(new RoleCheck(d.roles()));
        }
    }
}
