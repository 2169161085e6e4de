package io.sunshine.directory.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * Checks every signature of a PDF: the CMS signature over its ByteRange, the signer's chain to the
 * given trust anchors at signing time (a trust anchor may also be an end-entity certificate,
 * trusted as itself), and what changed after it was made.
 *
 * <p>A later incremental update may add signatures and nothing else: new signature fields and their
 * widgets, the AcroForm entries that list them, the pages' {@code /Annots} that show them, and a
 * document security store. Any other object that the update rewrites must be unchanged, or the
 * signature is reported {@code modifiedAfterSigning}, as are bytes after the last signature that no
 * signature covers (appended data, however harmless it looks: nothing vouches for it).
 *
 * <pre>{@code
 * List<SignatureReport> reports = PdfSignatureVerifier.verify(pdf, List.of(platformRoot));
 * }</pre>
 */
public final class PdfSignatureVerifier {
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName SIG = COSName.getPDFName("Sig");
    private static final Set<COSName> CATALOG_MAY_CHANGE = Set.of(COSName.ACRO_FORM, DSS);
    private static final Set<COSName> PAGE_MAY_CHANGE = Set.of(COSName.ANNOTS);
    private static final Set<COSName> ACROFORM_MAY_CHANGE =
            Set.of(
                    COSName.FIELDS,
                    COSName.SIG_FLAGS,
                    COSName.DR,
                    COSName.DA,
                    COSName.NEED_APPEARANCES);

    private PdfSignatureVerifier() {}

    /**
     * The reports of all signatures in field order; empty when the PDF has none.
     *
     * @throws Refusal SIGNATURE_DOCUMENT_INVALID when the bytes are not a readable PDF
     */
    public static List<SignatureReport> verify(
            byte[] pdf, Collection<X509Certificate> trustAnchors) {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new Refusal(ProblemCode.SIGNATURE_DOCUMENT_INVALID, "pdf", "not a PDF");
        }
        try (doc) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                return List.of();
            }
            List<PDSignatureField> fields = new ArrayList<>();
            for (PDField f : form.getFieldTree()) {
                if (f instanceof PDSignatureField s && s.getSignature() != null) {
                    fields.add(s);
                }
            }
            long lastEnd = 0;
            for (PDSignatureField f : fields) {
                int[] br = f.getSignature().getByteRange();
                if (br.length == 4) {
                    lastEnd = Math.max(lastEnd, (long) br[2] + br[3]);
                }
            }
            long appended = pdf.length - lastEnd;
            if (appended > 0 && appended <= 2 && onlyLineEnds(pdf, (int) lastEnd)) {
                appended = 0;
            }
            List<SignatureReport> reports = new ArrayList<>();
            for (PDSignatureField f : fields) {
                reports.add(check(pdf, doc, f, trustAnchors, appended));
            }
            return reports;
        } catch (IOException e) {
            throw new Refusal(ProblemCode.SIGNATURE_DOCUMENT_INVALID, "pdf", "damaged");
        }
    }

    private static SignatureReport check(
            byte[] pdf,
            PDDocument doc,
            PDSignatureField field,
            Collection<X509Certificate> anchors,
            long appended) {
        Report r = new Report(field.getFullyQualifiedName());
        PDSignature sig = field.getSignature();
        if (sig.getSignDate() != null) {
            r.signingTime = sig.getSignDate().toInstant();
        }
        int[] br = sig.getByteRange();
        if (!wellFormed(br, pdf)) {
            return r.problem("the ByteRange is malformed or does not surround /Contents").build();
        }
        int end = br[2] + br[3];
        r.coversWholeDocument = end == pdf.length || (appended == 0 && end == lastByte(pdf, end));
        byte[] signed = new byte[br[1] + br[3]];
        System.arraycopy(pdf, 0, signed, 0, br[1]);
        System.arraycopy(pdf, br[2], signed, br[1], br[3]);

        X509Certificate signer = null;
        List<X509Certificate> carried = new ArrayList<>();
        try {
            byte[] contents = sig.getContents(pdf);
            if (!Arrays.equals(contents, sig.getContents())) {
                return r.problem("/Contents in the ByteRange gap is not this signature's").build();
            }
            // /Contents is zero-padded: read its first ASN.1 object only
            ASN1Primitive first;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                first = in.readObject();
            }
            if (first == null) {
                return r.problem("the signature is empty").build();
            }
            CMSSignedData cms =
                    new CMSSignedData(
                            new CMSProcessableByteArray(signed), ContentInfo.getInstance(first));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return r.problem("the CMS has " + signers.size() + " signers, not one").build();
            }
            SignerInformation si = signers.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate(h));
            }
            @SuppressWarnings("unchecked")
            Selector<X509CertificateHolder> sid = (Selector<X509CertificateHolder>) si.getSID();
            Collection<X509CertificateHolder> match = cms.getCertificates().getMatches(sid);
            if (match.isEmpty()) {
                return r.problem("the signer's certificate is not in the signature").build();
            }
            signer = converter.getCertificate(match.iterator().next());
            CertificateSubject subject = CertificateSubject.of(signer);
            r.signerName = subject.commonName();
            r.signerCreditCode = subject.creditCode();
            r.serial = signer.getSerialNumber().toString(16).toUpperCase();
            try {
                r.signatureValid =
                        si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
                if (!r.signatureValid) {
                    r.problem("the signature does not verify with the signer's certificate");
                }
            } catch (CMSSignerDigestMismatchException e) {
                r.problem("digest mismatch: the signed bytes were changed after signing");
            }
        } catch (IOException
                | CMSException
                | RuntimeException
                | java.security.GeneralSecurityException
                | org.bouncycastle.operator.OperatorCreationException e) {
            return r.problem("the signature cannot be read: " + e.getMessage()).build();
        }
        Instant at = r.signingTime == null ? Instant.now() : r.signingTime;
        String trustProblem = trust(signer, carried, anchors, at);
        r.certificateTrusted = trustProblem == null;
        if (trustProblem != null) {
            r.problem(trustProblem);
        }
        if (!r.coversWholeDocument) {
            String change;
            try {
                change = changeBeyondSignatures(pdf, end, doc);
            } catch (IOException | RuntimeException e) {
                change = "the signed revision cannot be compared (" + e.getMessage() + ")";
            }
            if (change != null) {
                r.modifiedAfterSigning = true;
                r.problem("changed after signing: " + change);
            } else if (appended > 0) {
                r.modifiedAfterSigning = true;
                r.problem(appended + " bytes were appended after the last signature");
            }
        }
        return r.build();
    }

    private static boolean wellFormed(int[] br, byte[] pdf) {
        if (br == null || br.length != 4 || br[0] != 0 || br[1] <= 0 || br[2] <= br[1]) {
            return false;
        }
        long end = (long) br[2] + br[3];
        return br[3] >= 0 && end <= pdf.length && pdf[br[1]] == '<' && pdf[br[2] - 1] == '>';
    }

    private static boolean onlyLineEnds(byte[] pdf, int from) {
        for (int i = from; i < pdf.length; i++) {
            if (pdf[i] != '\r' && pdf[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static int lastByte(byte[] pdf, int end) {
        return onlyLineEnds(pdf, end) ? end : pdf.length;
    }

    /** Null when the signer chains to an anchor and every certificate was valid at {@code at}. */
    static String trust(
            X509Certificate signer,
            List<X509Certificate> carried,
            Collection<X509Certificate> anchors,
            Instant at) {
        if (anchors == null || anchors.isEmpty()) {
            return "no trust anchors to check the certificate against";
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) {
            return "the certificate's key usage does not allow signing";
        }
        if (anchors.contains(signer)) {
            // a certificate trusted as itself (one the platform accepted on import)
            try {
                signer.checkValidity(Date.from(at));
                return null;
            } catch (java.security.cert.CertificateException e) {
                return "the certificate was not valid at signing time";
            }
        }
        try {
            Set<TrustAnchor> ta = new HashSet<>();
            for (X509Certificate a : anchors) {
                ta.add(new TrustAnchor(a, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(ta, target);
            List<X509Certificate> pool = new ArrayList<>(carried);
            pool.add(signer);
            params.addCertStore(
                    CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (CertPathBuilderException e) {
            return "the certificate does not chain to a trusted root valid at signing time";
        } catch (java.security.GeneralSecurityException e) {
            return "the certificate chain cannot be checked: " + e.getMessage();
        }
    }

    // ---- what later incremental updates changed ------------------------------------------

    /**
     * Compares the revision that ends at {@code end} with the whole file, object by object: every
     * object rewritten after {@code end} that existed before must be unchanged, except for the
     * entries through which signatures are added. Null when only signatures were added.
     */
    static String changeBeyondSignatures(byte[] pdf, int end, PDDocument full) throws IOException {
        try (PDDocument old = Loader.loadPDF(Arrays.copyOf(pdf, end))) {
            COSDocument oc = old.getDocument();
            COSDocument nc = full.getDocument();
            Map<Long, COSObjectKey> oldKeys = keys(oc.getXrefTable());
            Map<COSObjectKey, Long> newXref = nc.getXrefTable();
            Map<Long, Long> newOffsets = new HashMap<>();
            newXref.forEach((k, v) -> newOffsets.put(id(k), v));

            COSBase oldRoot = oc.getTrailer().getItem(COSName.ROOT);
            COSBase newRoot = nc.getTrailer().getItem(COSName.ROOT);
            Context cx = new Context(old);
            if (!(oldRoot instanceof COSObject o) || !(newRoot instanceof COSObject n)) {
                return "the document catalog";
            }
            if (id(o.getKey()) != id(n.getKey())) {
                String why = cx.compareCatalog(o.getObject(), n.getObject());
                if (why != null) {
                    return why;
                }
            }
            for (Map.Entry<COSObjectKey, Long> e : newXref.entrySet()) {
                long offset = e.getValue();
                if (offset < 0) {
                    Long stream = newOffsets.get(-offset << 16);
                    offset = stream == null ? Long.MAX_VALUE : stream;
                }
                if (offset < end) {
                    continue;
                }
                COSObjectKey before = oldKeys.get(id(e.getKey()));
                if (before == null) {
                    continue; // new: reachable only through a change checked here
                }
                COSBase a = oc.getObjectFromPool(before).getObject();
                COSBase b = nc.getObjectFromPool(e.getKey()).getObject();
                String why = cx.compare(e.getKey(), a, b);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
    }

    private static Map<Long, COSObjectKey> keys(Map<COSObjectKey, Long> xref) {
        Map<Long, COSObjectKey> m = new HashMap<>();
        xref.keySet().forEach(k -> m.put(id(k), k));
        return m;
    }

    private static long id(COSObjectKey k) {
        return (k.getNumber() << 16) | k.getGeneration();
    }

    /** The roles of objects in the signed revision, and the rules for changing each. */
    private static final class Context {
        private final Set<Long> annotArrays = new HashSet<>();
        private long acroForm = -1;
        private long fieldsArray = -1;

        Context(PDDocument old) {
            COSDictionary catalog = old.getDocumentCatalog().getCOSObject();
            if (catalog.getItem(COSName.ACRO_FORM) instanceof COSObject af) {
                acroForm = id(af.getKey());
            }
            if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary d
                    && d.getItem(COSName.FIELDS) instanceof COSObject fa) {
                fieldsArray = id(fa.getKey());
            }
            old.getPages()
                    .forEach(
                            p -> {
                                if (p.getCOSObject().getItem(COSName.ANNOTS)
                                        instanceof COSObject a) {
                                    annotArrays.add(id(a.getKey()));
                                }
                            });
        }

        String compare(COSObjectKey key, COSBase a, COSBase b) {
            long k = id(key);
            String name = "object " + key.getNumber() + " " + key.getGeneration();
            if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
                COSName type = da.getCOSName(COSName.TYPE);
                if (COSName.CATALOG.equals(type)) {
                    return compareCatalog(da, db);
                }
                if (COSName.PAGE.equals(type)) {
                    return exceptFor(da, db, PAGE_MAY_CHANGE)
                            ? addsOnlySignatures(
                                    da.getDictionaryObject(COSName.ANNOTS),
                                    db.getDictionaryObject(COSName.ANNOTS),
                                    name + " (a page's annotations)")
                            : name + " (a page)";
                }
                if (k == acroForm) {
                    return compareAcroForm(da, db);
                }
            }
            if (k == fieldsArray || annotArrays.contains(k)) {
                return addsOnlySignatures(a, b, name);
            }
            return same(a, b) ? null : name;
        }

        String compareCatalog(COSBase a, COSBase b) {
            if (!(a instanceof COSDictionary da) || !(b instanceof COSDictionary db)) {
                return "the document catalog";
            }
            if (!exceptFor(da, db, CATALOG_MAY_CHANGE)) {
                return "the document catalog";
            }
            COSBase fa = da.getItem(COSName.ACRO_FORM);
            COSBase fb = db.getItem(COSName.ACRO_FORM);
            if (fa instanceof COSObject oa
                    && fb instanceof COSObject ob
                    && id(oa.getKey()) == id(ob.getKey())) {
                return null; // the form object itself is compared where it was rewritten
            }
            COSBase ra = da.getDictionaryObject(COSName.ACRO_FORM);
            COSBase rb = db.getDictionaryObject(COSName.ACRO_FORM);
            if (rb == null) {
                return ra == null ? null : "the form (removed)";
            }
            return compareAcroForm(ra instanceof COSDictionary d ? d : new COSDictionary(), rb);
        }

        String compareAcroForm(COSDictionary a, COSBase bb) {
            if (!(bb instanceof COSDictionary b) || !exceptFor(a, b, ACROFORM_MAY_CHANGE)) {
                return "the form";
            }
            return addsOnlySignatures(
                    a.getDictionaryObject(COSName.FIELDS),
                    b.getDictionaryObject(COSName.FIELDS),
                    "the form's fields");
        }
    }

    /** The array {@code b} keeps every element of {@code a} and adds only signature fields. */
    private static String addsOnlySignatures(COSBase a, COSBase b, String what) {
        List<COSBase> before = items(a);
        List<COSBase> added = items(b);
        for (COSBase e : before) {
            boolean kept = false;
            for (int i = 0; i < added.size(); i++) {
                if (same(e, added.get(i))) {
                    added.remove(i);
                    kept = true;
                    break;
                }
            }
            if (!kept) {
                return what + " (an entry was removed or changed)";
            }
        }
        for (COSBase e : added) {
            COSBase v = e instanceof COSObject o ? o.getObject() : e;
            if (!(v instanceof COSDictionary d) || !isSignatureField(d)) {
                return what + " (something other than a signature was added)";
            }
        }
        return null;
    }

    /** The array's entries as written (indirect ones not resolved). */
    private static List<COSBase> items(COSBase array) {
        List<COSBase> l = new ArrayList<>();
        if (array instanceof COSArray x) {
            for (int i = 0; i < x.size(); i++) {
                l.add(x.get(i));
            }
        }
        return l;
    }

    private static boolean isSignatureField(COSDictionary d) {
        for (COSDictionary f = d; f != null; ) {
            if (SIG.equals(f.getCOSName(COSName.FT))) {
                return true;
            }
            COSBase parent = f.getDictionaryObject(COSName.PARENT);
            f = parent instanceof COSDictionary p && p != f ? p : null;
        }
        return false;
    }

    /** Equal but for the named keys. */
    private static boolean exceptFor(COSDictionary a, COSDictionary b, Set<COSName> mayChange) {
        Set<COSName> names = new HashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (COSName n : names) {
            if (!mayChange.contains(n) && !same(a.getItem(n), b.getItem(n))) {
                return false;
            }
        }
        return true;
    }

    /** Structural equality; indirect references compare by object number, not by content. */
    static boolean same(COSBase a, COSBase b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof COSObject oa || b instanceof COSObject) {
            return a instanceof COSObject x
                    && b instanceof COSObject y
                    && id(x.getKey()) == id(y.getKey());
        }
        if (a instanceof COSStream sa && b instanceof COSStream sb) {
            if (!sameDictionary(sa, sb)) {
                return false;
            }
            try (InputStream ia = sa.createRawInputStream();
                    InputStream ib = sb.createRawInputStream()) {
                return Arrays.equals(ia.readAllBytes(), ib.readAllBytes());
            } catch (IOException e) {
                return false;
            }
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            return !(a instanceof COSStream) && !(b instanceof COSStream) && sameDictionary(da, db);
        }
        if (a instanceof COSArray xa && b instanceof COSArray xb) {
            if (xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!same(xa.get(i), xb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa && b instanceof COSString sb) {
            return Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        if (a instanceof COSInteger ia && b instanceof COSInteger ib) {
            return ia.longValue() == ib.longValue();
        }
        if (a instanceof COSFloat fa && b instanceof COSFloat fb) {
            return fa.floatValue() == fb.floatValue();
        }
        return a.equals(b);
    }

    private static boolean sameDictionary(COSDictionary a, COSDictionary b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (COSName n : a.keySet()) {
            if (!same(a.getItem(n), b.getItem(n))) {
                return false;
            }
        }
        return true;
    }

    /** A report being put together. */
    private static final class Report {
        final String field;
        String signerName;
        String signerCreditCode;
        String serial;
        Instant signingTime;
        boolean signatureValid;
        boolean certificateTrusted;
        boolean coversWholeDocument;
        boolean modifiedAfterSigning;
        final List<String> problems = new ArrayList<>();

        Report(String field) {
            this.field = field;
        }

        Report problem(String p) {
            problems.add(p);
            return this;
        }

        SignatureReport build() {
            return new SignatureReport(
                    field,
                    signerName,
                    signerCreditCode,
                    serial,
                    signingTime,
                    signatureValid,
                    certificateTrusted,
                    coversWholeDocument,
                    modifiedAfterSigning,
                    problems.isEmpty() ? null : String.join("; ", problems));
        }
    }
}
