package io.sunshine.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build produced, exactly as the run command deploys it. */
public final class RealEar {
    private RealEar() {}

    public static EnterpriseArchive build() {
        File ear = new File(System.getProperty("it.earFile", "../ear/target/sunshine.ear"));
        return ShrinkWrap.create(ZipImporter.class, "sunshine.ear")
                .importFrom(ear)
                .as(EnterpriseArchive.class);
    }
}
