package io.sunshine.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security by default, checked on the built classes: every REST resource method of the web module
 * declares who may call it, and every page lives where web.xml names its roles or is public on
 * purpose.
 */
class EveryEndpointDeclaresItsRolesTest {

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(p)
                                .toString()
                                .replace('/', '.')
                                .replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> c =
                        Class.forName(
                                name,
                                false,
                                EveryEndpointDeclaresItsRolesTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void everyResourceMethodDeclaresItsRoles() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.size() >= 5, "resources found: " + resources);
        int methods = 0;
        for (Class<?> c : resources) {
            for (Method m : c.getDeclaredMethods()) {
                boolean endpoint =
                        m.isAnnotationPresent(GET.class)
                                || m.isAnnotationPresent(POST.class)
                                || m.isAnnotationPresent(PUT.class)
                                || m.isAnnotationPresent(DELETE.class);
                if (endpoint) {
                    methods++;
                    // the Jakarta annotations would bring back Payara's JWT filter (AllowedRoles)
                    for (Class<? extends java.lang.annotation.Annotation> jakarta :
                            List.of(
                                    jakarta.annotation.security.RolesAllowed.class,
                                    jakarta.annotation.security.PermitAll.class,
                                    jakarta.annotation.security.DenyAll.class)) {
                        assertFalse(
                                m.isAnnotationPresent(jakarta) || c.isAnnotationPresent(jakarta),
                                c.getSimpleName()
                                        + "#"
                                        + m.getName()
                                        + " uses @"
                                        + jakarta.getSimpleName()
                                        + ": use @AllowedRoles or @Public");
                    }
                    assertNotNull(
                            DeclaredRoles.of(c, m),
                            c.getSimpleName() + "#" + m.getName() + " declares no roles");
                }
            }
        }
        assertTrue(methods >= 10, "endpoints checked: " + methods);
    }

    @Test
    void methodDeclarationsWinOverTheClassAndPublicIsExplicit() throws Exception {
        class Sample {
            @Public
            public void open() {}

            @AllowedRoles("ADMIN")
            public void admin() {}

            public void undeclared() {}
        }
        assertTrue(DeclaredRoles.of(Sample.class, Sample.class.getMethod("open")).isPublic());
        DeclaredRoles.Declaration admin =
                DeclaredRoles.of(Sample.class, Sample.class.getMethod("admin"));
        assertFalse(admin.isPublic());
        assertEquals(java.util.Set.of("ADMIN"), admin.roles());
        assertEquals(null, DeclaredRoles.of(Sample.class, Sample.class.getMethod("undeclared")));
    }

    @Test
    void everyPageIsPublicOnPurposeOrUnderARoleConstraint() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        String webXml = Files.readString(webapp.resolve("WEB-INF/web.xml"));
        List<String> publicPages = List.of("/index.xhtml", "/login.xhtml", "/register.xhtml");
        try (Stream<Path> files = Files.walk(webapp)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String page = "/" + webapp.relativize(p).toString().replace('\\', '/');
                if (page.startsWith("/WEB-INF/")
                        || publicPages.contains(page)
                        || page.startsWith("/errors/")
                        || page.startsWith("/notices/")) {
                    continue;
                }
                String folder = page.substring(0, page.indexOf('/', 1));
                assertTrue(
                        webXml.contains("<url-pattern>" + folder + "/*</url-pattern>"),
                        page + " is neither public on purpose nor under a security constraint");
            }
        }
    }

    // --- issue 4 part "ocds": the open data under /api/ocds is public on purpose
    @Test
    void theOpenDataEndpointsArePublicAndOutsideV1() throws Exception {
        Class<?> c = io.sunshine.procurement.ocds.boundary.OpenDataResource.class;
        assertEquals("ocds", c.getAnnotation(jakarta.ws.rs.Path.class).value());
        int endpoints = 0;
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(GET.class)) {
                endpoints++;
                assertTrue(DeclaredRoles.of(c, m).isPublic(), m.getName() + " is public");
            }
        }
        assertEquals(3, endpoints, "releases, one release, one record");
    }
}
