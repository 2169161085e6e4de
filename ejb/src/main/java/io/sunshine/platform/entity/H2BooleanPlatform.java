package io.sunshine.platform.entity;

import java.io.IOException;
import java.io.Writer;
import org.eclipse.persistence.platform.database.H2Platform;

/**
 * EclipseLink's H2 platform writes a boolean literal as 1 or 0, which H2 2.x refuses to compare
 * with a BOOLEAN column ("Values of types BOOLEAN and INTEGER are not comparable",
 * eclipse-ee4j/eclipselink#1578). This one writes TRUE and FALSE. Named only by the H2 set-up of
 * the run command ({@code -Declipselink.target-database}); PostgreSQL keeps its own platform.
 */
public class H2BooleanPlatform extends H2Platform {
    private static final long serialVersionUID = 1L;

    @Override
    protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
        writer.write(Boolean.TRUE.equals(bool) ? "TRUE" : "FALSE");
    }
}
