package io.sunshine.directory.control;

import io.sunshine.platform.control.DocumentFont;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.util.Matrix;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B (ETSI EN 319 142-1): SubFilter {@code ETSI.CAdES.detached}, a
 * detached CMS SignedData over the ByteRange with SHA-256 and SHA256withRSA (or SHA256withECDSA),
 * signed attributes content-type, message-digest and signing-certificate-v2; the claimed signing
 * time is the signature dictionary's {@code /M}.
 *
 * <p>The CMS {@code signing-time} attribute is deliberately left out: EN 319 142-1 §5.4.3 says a
 * PAdES signature shall not carry it (the time is {@code /M}, which the ByteRange covers and so is
 * signed too); a validator checking PAdES-B-B conformance (e.g. EU DSS) rejects it.
 *
 * <p>Each signature is an <em>incremental update</em>: the bytes of the document as it was, and so
 * every earlier signature, stay untouched. The signature is a field of the AcroForm (it shows in a
 * viewer's signature panel) with a visible widget: a red round seal bearing the organisation's name
 * in Chinese along its rim, a star, 合同专用章 and the signing time, drawn with an embedded subset of
 * the configured TrueType font ({@code sunshine.pdf.font}).
 *
 * <pre>{@code
 * PadesSigner signer = new PadesSigner(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
 * byte[] signed = signer.sign(pdf, key, chain,
 *         new PadesSigner.Request("临江华信科技有限公司", "合同签订", "阳光采购平台", now,
 *                 new StampPlacement(0, 380, 80, 140, 140)));
 * }</pre>
 */
public final class PadesSigner {
    public static final COSName SUB_FILTER_CADES = COSName.getPDFName("ETSI.CAdES.detached");
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Room for the CMS besides its certificates (bytes); see {@link #signatureSize}. */
    static final int SIGNATURE_ROOM = 4 * 1024;

    private static final DateTimeFormatter STAMP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(SHANGHAI);

    private final Path fontFile;

    /** What the signature says: who, why, where, when, and where its stamp goes. */
    public record Request(
            String signerName,
            String reason,
            String location,
            Instant signingTime,
            StampPlacement stamp) {
        public Request {
            Objects.requireNonNull(signerName, "A signature names its signer.");
            Objects.requireNonNull(signingTime, "A signature has its time.");
            Objects.requireNonNull(stamp, "A signature has a visible stamp.");
        }
    }

    public PadesSigner(Path fontFile) {
        this.fontFile = Objects.requireNonNull(fontFile, "The stamp needs a Chinese font.");
    }

    /**
     * Signs {@code pdf} with {@code key}; {@code chain} starts with the signer's certificate.
     *
     * @throws Refusal SIGNATURE_DOCUMENT_INVALID (not a PDF, encrypted) or
     *     SIGNATURE_STAMP_OUTSIDE_PAGE
     */
    public byte[] sign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, Request request) {
        Objects.requireNonNull(key);
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("The signer's certificate is needed.");
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new Refusal(ProblemCode.SIGNATURE_DOCUMENT_INVALID, "pdf", "not a PDF");
        }
        try (doc) {
            if (doc.isEncrypted()) {
                throw new Refusal(ProblemCode.SIGNATURE_DOCUMENT_INVALID, "pdf", "encrypted");
            }
            StampPlacement s = request.stamp();
            int pages = doc.getNumberOfPages();
            if (s.pageIndex() >= pages) {
                throw new Refusal(
                        ProblemCode.SIGNATURE_STAMP_OUTSIDE_PAGE,
                        "stamp.pageIndex",
                        s.pageIndex() + 1,
                        pages,
                        "-");
            }
            PDPage page = doc.getPage(s.pageIndex());
            PDRectangle box = page.getMediaBox();
            if (s.x() + s.width() > box.getWidth() || s.y() + s.height() > box.getHeight()) {
                throw new Refusal(
                        ProblemCode.SIGNATURE_STAMP_OUTSIDE_PAGE,
                        "stamp",
                        s.pageIndex() + 1,
                        pages,
                        Math.round(box.getWidth()) + "×" + Math.round(box.getHeight()) + " pt");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(SUB_FILTER_CADES);
            signature.setName(request.signerName());
            if (request.reason() != null) {
                signature.setReason(request.reason());
            }
            if (request.location() != null) {
                signature.setLocation(request.location());
            }
            Calendar when = GregorianCalendar.from(request.signingTime().atZone(SHANGHAI));
            signature.setSignDate(when);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPage(s.pageIndex());
                options.setPreferredSignatureSize(signatureSize(chain));
                // PDFBox adds the field and its widget on the page; the widget is then given its
                // place and the seal, drawn straight into this document (no template PDF)
                doc.addSignature(signature, cms(key, chain), options);
                PDAnnotationWidget widget = signatureField(doc, signature).getWidgets().get(0);
                widget.setRectangle(new PDRectangle(s.x(), s.y(), s.width(), s.height()));
                widget.setAppearance(seal(doc, s, request));
                doc.saveIncremental(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the PDF", e);
        }
    }

    /** The CMS SignedData (detached) over what PDFBox hands over: the ByteRange's bytes. */
    static SignatureInterface cms(PrivateKey key, List<X509Certificate> chain) {
        return (InputStream content) -> {
            try {
                X509Certificate cert = chain.get(0);
                String algorithm =
                        key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
                byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
                IssuerSerial issuerSerial =
                        new IssuerSerial(
                                new GeneralNames(
                                        new GeneralName(
                                                X500Name.getInstance(
                                                        cert.getIssuerX500Principal()
                                                                .getEncoded()))),
                                cert.getSerialNumber());
                ASN1EncodableVector attributes = new ASN1EncodableVector();
                attributes.add(
                        new Attribute(
                                PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                                new DERSet(
                                        new SigningCertificateV2(
                                                new ESSCertIDv2(certHash, issuerSerial)))));
                DefaultSignedAttributeTableGenerator signedAttributes =
                        new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                            @Override
                            @SuppressWarnings({"rawtypes", "unchecked"})
                            protected Hashtable createStandardAttributeTable(Map parameters) {
                                Hashtable table = super.createStandardAttributeTable(parameters);
                                // PAdES: the time is /M, never the CMS signing-time attribute
                                table.remove(CMSAttributes.signingTime);
                                return table;
                            }
                        };
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(
                        new JcaSignerInfoGeneratorBuilder(
                                        new JcaDigestCalculatorProviderBuilder().build())
                                .setSignedAttributeGenerator(signedAttributes)
                                .build(new JcaContentSignerBuilder(algorithm).build(key), cert));
                generator.addCertificates(new JcaCertStore(chain));
                CMSSignedData signed =
                        generator.generate(
                                new CMSProcessableByteArray(content.readAllBytes()), false);
                return signed.getEncoded(ASN1Encoding.DER);
            } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
                throw new IOException("Cannot make the CMS signature", e);
            }
        };
    }

    /**
     * Room for the CMS (bytes): the chain's certificates plus 4 KB for the signature (at most 512
     * bytes for RSA-4096) and the SignedData around them (the signed attributes and the issuer's
     * name twice, about 1 KB), with room to spare. PDFBox writes the room as hex zeros byte by byte
     * into the update, so the former fixed 16 KB cost each signature ~25 KB of writing for nothing.
     */
    static int signatureSize(List<X509Certificate> chain) {
        int size = SIGNATURE_ROOM;
        try {
            for (X509Certificate c : chain) {
                size += c.getEncoded().length;
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("A certificate of the chain cannot be encoded", e);
        }
        return size;
    }

    /** The field PDFBox made for {@code signature}. */
    private static PDSignatureField signatureField(PDDocument doc, PDSignature signature) {
        for (PDField f : doc.getDocumentCatalog().getAcroForm(null).getFieldTree()) {
            if (f instanceof PDSignatureField sf
                    && sf.getSignature() != null
                    && sf.getSignature().getCOSObject() == signature.getCOSObject()) {
                return sf;
            }
        }
        throw new IllegalStateException("PDFBox added no field for the signature");
    }

    // ---- the visible stamp -----------------------------------------------------------------

    /**
     * The widget's appearance: a form XObject of the stamp's size holding the seal, with the font
     * cut to the seal's own characters ({@link DocumentFont#embedGlyphsOf}), written into the
     * incremental update with the signature.
     */
    private PDAppearanceDictionary seal(PDDocument doc, StampPlacement s, Request request)
            throws IOException {
        if (!Files.isReadable(fontFile)) {
            throw new IllegalStateException(
                    "The Chinese font for signature stamps is missing: "
                            + fontFile
                            + " (install the Debian package fonts-wqy-zenhei, or set"
                            + " sunshine.pdf.font to a TrueType font or collection)");
        }
        String time = STAMP_TIME.format(request.signingTime());
        // a pooled copy (DocumentFont.lease), not waiting on a contract being saved with another;
        // only the seal's glyphs are embedded
        PDType0Font font;
        try (DocumentFont.Lease lease = DocumentFont.lease(fontFile)) {
            font =
                    lease.font()
                            .embedGlyphsOf(
                                    doc,
                                    request.signerName()
                                            + Seal.TITLE
                                            + Seal.TIME_CHARACTERS
                                            + Seal.MISSING);
        }
        PDAppearanceStream form = new PDAppearanceStream(doc);
        form.setResources(new PDResources());
        form.setFormType(1);
        form.setBBox(new PDRectangle(s.width(), s.height()));
        try (PDPageContentStream cs = new PDPageContentStream(doc, form)) {
            new Seal(cs, font, s.width(), s.height()).draw(request.signerName(), time);
        }
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(form);
        return appearance;
    }

    /** A round red seal (公章 style) drawn into a box of the given size. */
    private record Seal(PDPageContentStream cs, PDType0Font font, float width, float height) {
        private static final float RED_R = 0.86f;
        private static final float RED_G = 0.08f;
        private static final float RED_B = 0.08f;
        private static final double KAPPA = 0.5522847498;
        static final String TITLE = "合同专用章";
        static final String MISSING = "□";

        /**
         * Every character a seal's time may use ({@code STAMP_TIME}): cut with the name, the seal's
         * font depends on the organisation only and is cut once per organisation.
         */
        static final String TIME_CHARACTERS = "0123456789-: ";

        void draw(String name, String time) throws IOException {
            float cx = width / 2;
            float cy = height / 2;
            float r = Math.min(width, height) / 2 * 0.94f;
            cs.setStrokingColor(RED_R, RED_G, RED_B);
            cs.setNonStrokingColor(RED_R, RED_G, RED_B);
            cs.setLineWidth(Math.max(1f, r * 0.06f));
            circle(cx, cy, r - r * 0.03f);
            cs.stroke();
            star(cx, cy + r * 0.02f, r * 0.26f);
            cs.fill();
            arcText(name, cx, cy, r * 0.66f, r);
            centred(TITLE, cx, cy - r * 0.45f, r * 0.15f);
            centred(time, cx, cy - r * 0.66f, r * 0.105f);
        }

        private void circle(float cx, float cy, float r) throws IOException {
            float k = (float) (KAPPA * r);
            cs.moveTo(cx + r, cy);
            cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            cs.closePath();
        }

        private void star(float cx, float cy, float outer) throws IOException {
            float inner = outer * 0.382f;
            for (int i = 0; i < 10; i++) {
                double a = Math.PI / 2 + i * Math.PI / 5;
                float rr = i % 2 == 0 ? outer : inner;
                float x = cx + (float) (rr * Math.cos(a));
                float y = cy + (float) (rr * Math.sin(a));
                if (i == 0) {
                    cs.moveTo(x, y);
                } else {
                    cs.lineTo(x, y);
                }
            }
            cs.closePath();
        }

        /** The name clockwise along the upper rim, each character upright towards the rim. */
        private void arcText(String name, float cx, float cy, float baseline, float r)
                throws IOException {
            int[] chars = name.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
            if (chars.length == 0) {
                return;
            }
            double span = Math.toRadians(Math.min(250, 40 + chars.length * 22));
            double step = span / chars.length;
            float size = (float) Math.min(r * 0.24, baseline * step * 0.95);
            double start = Math.PI / 2 + span / 2;
            for (int i = 0; i < chars.length; i++) {
                String ch = printable(chars[i]);
                double a = start - (i + 0.5) * step;
                double rot = a - Math.PI / 2;
                float w = width(ch, size);
                float px = cx + (float) (baseline * Math.cos(a));
                float py = cy + (float) (baseline * Math.sin(a));
                cs.beginText();
                cs.setFont(font, size);
                cs.setTextMatrix(
                        Matrix.getRotateInstance(
                                rot,
                                px - (float) Math.cos(rot) * w / 2,
                                py - (float) Math.sin(rot) * w / 2));
                cs.showText(ch);
                cs.endText();
            }
        }

        private void centred(String text, float cx, float y, float size) throws IOException {
            StringBuilder sb = new StringBuilder();
            text.codePoints().forEach(c -> sb.append(printable(c)));
            String t = sb.toString();
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(cx - width(t, size) / 2, y);
            cs.showText(t);
            cs.endText();
        }

        /** The character, or a box when the font has no glyph for it. */
        private String printable(int codePoint) {
            String ch = new String(Character.toChars(codePoint));
            try {
                font.encode(ch);
                return ch;
            } catch (IOException | IllegalArgumentException e) {
                return MISSING;
            }
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000f * size;
        }
    }
}
