package io.sunshine.directory.control;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The names in an organisation certificate's subject: common name, organisation, and the
 * organisation's 统一社会信用代码 (unified social credit code).
 *
 * <p>The credit code is written twice, for two kinds of reader: as {@code organizationIdentifier}
 * (2.5.4.97) in the ETSI EN 319 412-1 §5.1.4 form {@code NTRCN-<code>} ("national trade register,
 * China"), which European and PAdES validators understand as the legal person's registration
 * number; and bare as {@code serialNumber} (2.5.4.5), where Chinese CAs and most viewers (including
 * poppler's pdfsig) show an organisation's registration number. Reading prefers the first.
 */
public record CertificateSubject(String commonName, String organisation, String creditCode) {
    /** ETSI EN 319 412-1: legal person semantics identifier, national trade register, China. */
    public static final String NTR_CHINA = "NTRCN-";

    /** The subject of an organisation's signing certificate. */
    public X500Name toX500Name() {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.C, "CN");
        if (organisation != null) {
            b.addRDN(BCStyle.O, organisation);
        }
        if (creditCode != null) {
            b.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, NTR_CHINA + creditCode);
            b.addRDN(BCStyle.SERIALNUMBER, creditCode);
        }
        b.addRDN(BCStyle.CN, commonName);
        return b.build();
    }

    /** The names in a certificate's subject; any of them may be null. */
    public static CertificateSubject of(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String oi = first(name, BCStyle.ORGANIZATION_IDENTIFIER);
        String code = null;
        if (oi != null && oi.startsWith(NTR_CHINA)) {
            code = oi.substring(NTR_CHINA.length());
        } else {
            code = first(name, BCStyle.SERIALNUMBER);
        }
        return new CertificateSubject(first(name, BCStyle.CN), first(name, BCStyle.O), code);
    }

    /** A distinguished name as text, with Chinese as Chinese (not escaped), for records. */
    public static String text(javax.security.auth.x500.X500Principal principal) {
        return BCStyle.INSTANCE.toString(X500Name.getInstance(principal.getEncoded()));
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        return v instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(v);
    }
}
