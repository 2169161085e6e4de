import io.sunshine.directory.control.CertificateAuthority;
import io.sunshine.directory.control.CertificateSubject;
import io.sunshine.directory.control.MasterKey;
import io.sunshine.directory.control.PadesSigner;
import io.sunshine.directory.control.PdfSignatureVerifier;
import io.sunshine.directory.control.SignatureReport;
import io.sunshine.directory.control.StampPlacement;
import io.sunshine.directory.entity.OrganisationCertificate;
import io.sunshine.procurement.contract.control.ContractContent;
import io.sunshine.procurement.contract.control.ContractDocument;
import io.sunshine.procurement.contract.control.ContractJson;
import io.sunshine.procurement.contract.control.ContractTemplate;
import io.sunshine.procurement.contract.control.Party;
import io.sunshine.procurement.contract.control.PriceAllocation;
import io.sunshine.procurement.contract.control.SignatureBox;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The contract benchmark (issue 6): contracts drafted and signed per second by the platform's code
 * against bare PDFBox create-and-sign of the same document, in one JVM, on the same machine.
 *
 * <pre>
 * java -cp &lt;ejb classpath&gt;:ejb/target/classes bench/contract/ContractBench.java \
 *      --contracts 40 --warmup 20 --rounds 3 --threads 1,2 --out bench/contract/target
 * </pre>
 *
 * <ul>
 *   <li><b>platform</b>: one contract = {@code ContractDocument.render} of a reverse-auction
 *       contract + {@code ContractJson.write} (what {@code Contracts.draft} does besides the
 *       database), then for each party {@code ContractJson.boxes} of the stored content for its
 *       signature box and what {@code Certificates.sign} does per signature: the certificate and
 *       its issuer chain parsed from their stored DER, the private key unwrapped with the {@link
 *       MasterKey} (AES-256-GCM, bound to the row's purpose) and rebuilt by the key factory, {@code
 *       new PadesSigner(font).sign(…)} with the visible stamp in the box, and the two SHA-256 the
 *       audit record carries. Left out: the database, the document store, the audit chain, the
 *       password check (PBKDF2, 600,000 iterations — a log-in cost, not the document's).
 *   <li><b>bare</b>: the same pages built by plain PDFBox calls — A4, every text run of the
 *       platform's rendering at the same place and size (taken once from a platform PDF by {@link
 *       PDFTextStripper}), the same font embedded as a subset ({@code PDType0Font} from the first
 *       font of the TTC, parsed once per worker thread) — then two invisible {@code
 *       adbe.pkcs7.detached} signatures the textbook way ({@code saveIncrementalForExternalSigning},
 *       BouncyCastle {@code CMSSignedDataGenerator}, SHA256withRSA), with the same keys already
 *       unwrapped.
 * </ul>
 *
 * Prints Markdown on stdout and {@code key=value} lines to {@code --summary}.
 */
public class ContractBench {
    static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final String PLATFORM_NAME = "阳光采购平台"; // PlatformCa.PLATFORM_NAME
    static final String NUMBER_FORMAT = "SP-HT-2026-%06d";
    static final Instant DRAFTED = Instant.parse("2026-03-05T02:30:00Z");

    static Path font;
    static int itemLines;
    static ContractTemplate template;
    static MasterKey masterKey;
    static CertificateAuthority ca;
    static StoredCertificate purchaserCert;
    static StoredCertificate supplierCert;
    static List<List<Run>> referencePages;
    static String referenceNumber;
    static final ThreadLocal<TrueTypeFont> BARE_FONT = ThreadLocal.withInitial(ContractBench::openFont);

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int contracts = Integer.parseInt(o.getOrDefault("contracts", "40"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int[] threadCounts =
                Arrays.stream(o.getOrDefault("threads", "1,2").split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray();
        itemLines = Integer.parseInt(o.getOrDefault("lines", "12"));
        font = Path.of(o.getOrDefault("font", DEFAULT_FONT.toString()));
        Path out = Path.of(o.getOrDefault("out", "bench/contract/target"));
        Files.createDirectories(out);
        PrintStream md = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        setUp();
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "set-up %.1f s: CA, two organisation certificates, reference contract of %d pages%n",
                setupSeconds, referencePages.size());

        // warm-up: both paths, with the largest thread count, results discarded
        int maxThreads = Arrays.stream(threadCounts).max().orElse(1);
        for (Path_ p : Path_.values()) {
            run(p, warmup, maxThreads, 1_000_000);
        }
        System.err.println("warm-up done: " + warmup + " contracts per path");

        Map<String, Totals> totals = new LinkedHashMap<>();
        List<String> roundLines = new ArrayList<>();
        Map<Path_, byte[]> kept = new LinkedHashMap<>();
        List<byte[]> toVerify = new ArrayList<>();
        List<Path_> toVerifyPath = new ArrayList<>();
        int base = 2_000_000;
        for (int r = 0; r < rounds; r++) {
            for (int threads : threadCounts) {
                // alternate which path goes first, round by round
                Path_[] order =
                        (r + threads) % 2 == 0
                                ? new Path_[] {Path_.PLATFORM, Path_.BARE}
                                : new Path_[] {Path_.BARE, Path_.PLATFORM};
                for (Path_ p : order) {
                    Result res = run(p, contracts, threads, base);
                    base += contracts;
                    totals.computeIfAbsent(p + "/" + threads, k -> new Totals()).add(res);
                    roundLines.add(
                            String.format(
                                    Locale.ROOT,
                                    "| %d | %d | %s | %.2f | %.0f | %.0f |",
                                    r + 1,
                                    threads,
                                    p.label,
                                    res.perSecond(),
                                    res.percentile(0.50),
                                    res.percentile(0.99)));
                    System.err.printf(
                            Locale.ROOT,
                            "round %d, %d thread(s), %-8s %6.2f contracts/s  p50 %5.0f ms  p99 %5.0f ms%n",
                            r + 1,
                            threads,
                            p.label,
                            res.perSecond(),
                            res.percentile(0.50),
                            res.percentile(0.99));
                    kept.put(p, res.last);
                    toVerify.add(res.last);
                    toVerifyPath.add(p);
                }
            }
        }

        // every measured output passed the quick check in run(); now the full check of the last
        // output of every measured run, with the platform's verifier, trusting the platform root
        List<String> problems = new ArrayList<>();
        int verified = 0;
        for (int i = 0; i < toVerify.size(); i++) {
            String problem = fullyVerified(toVerify.get(i));
            if (problem != null) {
                problems.add(toVerifyPath.get(i).label + ": " + problem);
            } else {
                verified++;
            }
        }
        Files.writeString(out.resolve("root.pem"), CertificateAuthority.toPem(ca.root()));
        for (Map.Entry<Path_, byte[]> e : kept.entrySet()) {
            Files.write(out.resolve(e.getKey().label + ".pdf"), e.getValue());
        }

        // --- report -----------------------------------------------------------------------
        Map<String, String> summary = new LinkedHashMap<>();
        md.println("### Throughput: " + rounds + " rounds × " + contracts + " contracts per path and thread count (after " + warmup + " warm-up contracts per path)");
        md.println();
        md.println("| threads | platform contracts/s | bare PDFBox contracts/s | ratio platform / bare | platform p50 / p99 ms | bare p50 / p99 ms |");
        md.println("|---|---|---|---|---|---|");
        for (int threads : threadCounts) {
            Totals p = totals.get(Path_.PLATFORM + "/" + threads);
            Totals b = totals.get(Path_.BARE + "/" + threads);
            double ratio = p.perSecond() / b.perSecond();
            md.printf(
                    Locale.ROOT,
                    "| %d | %.2f | %.2f | **%.3f** | %.0f / %.0f | %.0f / %.0f |%n",
                    threads,
                    p.perSecond(),
                    b.perSecond(),
                    ratio,
                    p.percentile(0.50),
                    p.percentile(0.99),
                    b.percentile(0.50),
                    b.percentile(0.99));
            summary.put("platform_per_s_" + threads, String.format(Locale.ROOT, "%.2f", p.perSecond()));
            summary.put("bare_per_s_" + threads, String.format(Locale.ROOT, "%.2f", b.perSecond()));
            summary.put("ratio_" + threads, String.format(Locale.ROOT, "%.3f", ratio));
            summary.put("platform_p99_ms_" + threads, String.format(Locale.ROOT, "%.0f", p.percentile(0.99)));
        }
        md.println();
        md.println("Contracts/s = contracts of all rounds ÷ the sum of the rounds' wall times; p50/p99 over every contract of the rounds (one contract = render + 2 signatures, on one thread).");
        md.println();
        md.println("### Where a contract's time goes (single thread, mean ms per contract)");
        md.println();
        Totals p1 = totals.get(Path_.PLATFORM + "/" + threadCounts[0]);
        Totals b1 = totals.get(Path_.BARE + "/" + threadCounts[0]);
        md.println("| path | " + String.join(" | ", Phase.labels()) + " | total |");
        md.println("|---|" + "---|".repeat(Phase.values().length + 1));
        md.println(p1.phaseRow(Path_.PLATFORM.label));
        md.println(b1.phaseRow(Path_.BARE.label));
        md.println();
        md.println("### Every run");
        md.println();
        md.println("| round | threads | path | contracts/s | p50 ms | p99 ms |");
        md.println("|---|---|---|---|---|---|");
        roundLines.forEach(md::println);
        md.println();
        md.println("### The outputs");
        md.println();
        md.printf(
                Locale.ROOT,
                "Reference contract: %d item lines, %d pages; platform PDF %,d bytes drafted, %,d signed; bare %,d bytes built, %,d signed.%n",
                itemLines,
                referencePages.size(),
                p1.draftBytes,
                p1.signedBytes,
                b1.draftBytes,
                b1.signedBytes);
        md.printf(
                Locale.ROOT,
                "Every measured output (%d per path) passed the quick check (a PDF ending in %%%%EOF with exactly two /ByteRange); the last output of each of the %d measured runs, checked with `PdfSignatureVerifier` against the platform root: %s.%n",
                rounds * contracts * threadCounts.length,
                toVerify.size(),
                problems.isEmpty()
                        ? verified + " of " + toVerify.size() + " have 2 signatures, each valid, trusted and intact"
                        : "**" + problems.size() + " failed**: " + String.join("; ", problems));
        md.println();
        summary.put("verified", String.valueOf(verified));
        summary.put("verify_failures", String.valueOf(problems.size()));
        summary.put("pages", String.valueOf(referencePages.size()));
        for (Phase ph : Phase.values()) {
            summary.put("platform_ms_" + ph.name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.1f", p1.phaseMean(ph)));
            summary.put("bare_ms_" + ph.name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.1f", b1.phaseMean(ph)));
        }
        if (o.containsKey("summary")) {
            StringBuilder sb = new StringBuilder();
            summary.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            Files.writeString(Path.of(o.get("summary")), sb.toString());
        }
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    // ---- the two paths ---------------------------------------------------------------------

    enum Path_ {
        PLATFORM("platform"),
        BARE("bare");

        final String label;

        Path_(String label) {
            this.label = label;
        }
    }

    /** The phases of one contract; the platform's key phase is the certificate and key unwrap. */
    enum Phase {
        RENDER("render / build"),
        KEY("certificate + key unwrap ×2"),
        SIGN1("sign 1"),
        SIGN2("sign 2");

        final String label;

        Phase(String label) {
            this.label = label;
        }

        static List<String> labels() {
            return Arrays.stream(values()).map(p -> p.label).toList();
        }
    }

    record Contract(byte[] pdf, int draftBytes, long[] phases) {}

    static Contract platform(int n) {
        long[] ph = new long[Phase.values().length];
        long t = System.nanoTime();
        ContractContent content = content(n);
        // Contracts.draft: render, keep the content and the boxes as JSON (the PDF goes to the store)
        ContractDocument.Rendered r = ContractDocument.render(content, template, font);
        String stored = ContractJson.write(content, r.purchaserBox(), r.supplierBox());
        byte[] pdf = r.pdf();
        int draftBytes = pdf.length;
        long t1 = System.nanoTime();
        ph[Phase.RENDER.ordinal()] = t1 - t;
        // Contracts.sign, purchaser then supplier
        pdf = platformSign(stored, true, pdf, ph, Phase.SIGN1);
        pdf = platformSign(stored, false, pdf, ph, Phase.SIGN2);
        return new Contract(pdf, draftBytes, ph);
    }

    /** What Contracts.sign and Certificates.sign do for one signature, minus database and audit. */
    static byte[] platformSign(String storedContent, boolean purchaser, byte[] pdf, long[] ph, Phase phase) {
        long t0 = System.nanoTime();
        ContractJson.Boxes stored = ContractJson.boxes(storedContent);
        SignatureBox box = purchaser ? stored.purchaserBox() : stored.supplierBox();
        StoredCertificate cert = purchaser ? purchaserCert : supplierCert;
        String reason = purchaser ? "采购人（甲方）签署合同" : "供应商（乙方）签署合同";
        StampPlacement stamp = new StampPlacement(box.pageIndex(), box.x(), box.y(), box.width(), box.height());
        Instant now = Instant.now();
        // Certificates.sign: the certificate and chain from their DER, the key unwrapped
        X509Certificate x509 = CertificateAuthority.fromDer(cert.certificateDer());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(x509);
        chain.addAll(issuers(cert.issuerChainDer()));
        byte[] pkcs8 = masterKey.unwrap(cert.privateKeyWrapped(), cert.keyPurpose());
        PrivateKey key;
        try {
            key = CertificateAuthority.privateKey(x509.getPublicKey().getAlgorithm(), pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        long t1 = System.nanoTime();
        byte[] signed =
                new PadesSigner(font)
                        .sign(pdf, key, chain, new PadesSigner.Request(cert.organisation(), reason, PLATFORM_NAME, now, stamp));
        // the audit record's two hashes (the record itself is left out)
        sha256(pdf);
        sha256(signed);
        long t2 = System.nanoTime();
        ph[Phase.KEY.ordinal()] += t1 - t0;
        ph[phase.ordinal()] = t2 - t1;
        return signed;
    }

    static Contract bare(int n) {
        long[] ph = new long[Phase.values().length];
        long t = System.nanoTime();
        byte[] pdf = bareBuild(String.format(Locale.ROOT, NUMBER_FORMAT, n));
        int draftBytes = pdf.length;
        long t1 = System.nanoTime();
        pdf = bareSign(pdf, purchaserCert.key(), purchaserCert.chain(), purchaserCert.organisation(), "采购人（甲方）签署合同");
        long t2 = System.nanoTime();
        pdf = bareSign(pdf, supplierCert.key(), supplierCert.chain(), supplierCert.organisation(), "供应商（乙方）签署合同");
        long t3 = System.nanoTime();
        ph[Phase.RENDER.ordinal()] = t1 - t;
        ph[Phase.SIGN1.ordinal()] = t2 - t1;
        ph[Phase.SIGN2.ordinal()] = t3 - t2;
        return new Contract(pdf, draftBytes, ph);
    }

    /** The platform's pages, run by run, with plain PDFBox calls. */
    static byte[] bareBuild(String number) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, BARE_FONT.get(), true);
            for (List<Run> runs : referencePages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (Run run : runs) {
                        cs.beginText();
                        cs.setFont(f, run.size());
                        cs.newLineAtOffset(run.x(), run.y());
                        cs.showText(run.text().replace(referenceNumber, number));
                        cs.endText();
                    }
                }
            }
            doc.getDocumentInformation().setTitle("政府采购合同 " + number);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // as the platform: a classic cross-reference table, which signers extend incrementally
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDFBox's CreateSignature example: an invisible signature by external signing. */
    static byte[] bareSign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, String name, String reason) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(name);
            signature.setLocation(PLATFORM_NAME);
            signature.setReason(reason);
            signature.setSignDate(Calendar.getInstance());
            doc.addSignature(signature);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent(), key, chain));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("bare signing failed", e);
        }
    }

    static byte[] cms(InputStream content, PrivateKey key, List<X509Certificate> chain) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), chain.get(0)));
        gen.addCertificates(new JcaCertStore(chain));
        return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
    }

    // ---- running ---------------------------------------------------------------------------

    record Result(int contracts, long wallNanos, long[] latencies, long[][] phases, byte[] last, long draftBytes, long signedBytes) {
        double perSecond() {
            return contracts / (wallNanos / 1e9);
        }

        double percentile(double q) {
            return ContractBench.percentile(latencies, q);
        }
    }

    static final class Totals {
        int contracts;
        long wallNanos;
        final List<long[]> latencies = new ArrayList<>();
        final List<long[]> phases = new ArrayList<>();
        long draftBytes;
        long signedBytes;

        void add(Result r) {
            contracts += r.contracts();
            wallNanos += r.wallNanos();
            latencies.add(r.latencies());
            phases.addAll(Arrays.asList(r.phases()));
            draftBytes = r.draftBytes();
            signedBytes = r.signedBytes();
        }

        double perSecond() {
            return contracts / (wallNanos / 1e9);
        }

        double percentile(double q) {
            return ContractBench.percentile(latencies.stream().flatMapToLong(Arrays::stream).toArray(), q);
        }

        double phaseMean(Phase p) {
            return phases.stream().mapToLong(a -> a[p.ordinal()]).average().orElse(0) / 1e6;
        }

        String phaseRow(String label) {
            StringBuilder sb = new StringBuilder("| " + label + " |");
            double total = 0;
            for (Phase p : Phase.values()) {
                double m = phaseMean(p);
                total += m;
                sb.append(String.format(Locale.ROOT, " %.1f |", m));
            }
            return sb.append(String.format(Locale.ROOT, " %.1f |", total)).toString();
        }
    }

    /** N contracts of one path on {@code threads} threads; contract numbers from {@code base}. */
    static Result run(Path_ path, int n, int threads, int base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[n];
        long[][] phases = new long[n][];
        byte[][] outputs = new byte[n][];
        int[] draftSizes = new int[n];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            futures.add(
                    pool.submit(
                            () -> {
                                if (path == Path_.BARE) {
                                    BARE_FONT.get(); // the bare path's font, once per thread, before the clock
                                }
                                ready.countDown();
                                go.await();
                                for (int i; (i = next.getAndIncrement()) < n; ) {
                                    long t = System.nanoTime();
                                    Contract c = path == Path_.PLATFORM ? platform(base + i) : bare(base + i);
                                    latencies[i] = System.nanoTime() - t;
                                    phases[i] = c.phases();
                                    outputs[i] = c.pdf();
                                    draftSizes[i] = c.draftBytes();
                                }
                                return null;
                            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        // the quick check of every output, off the clock
        for (int i = 0; i < n; i++) {
            String problem = quickCheck(outputs[i]);
            if (problem != null) {
                throw new IllegalStateException(path.label + " contract " + (base + i) + ": " + problem);
            }
        }
        return new Result(n, wall, latencies, phases, outputs[n - 1], draftSizes[n - 1], outputs[n - 1].length);
    }

    static String quickCheck(byte[] pdf) {
        String head = new String(pdf, 0, 5, StandardCharsets.ISO_8859_1);
        String tail = new String(pdf, Math.max(0, pdf.length - 8), Math.min(8, pdf.length), StandardCharsets.ISO_8859_1);
        if (!head.equals("%PDF-") || !tail.contains("%%EOF")) {
            return "not a complete PDF";
        }
        int count = occurrences(pdf, "/ByteRange".getBytes(StandardCharsets.ISO_8859_1));
        return count == 2 ? null : count + " /ByteRange instead of 2";
    }

    static int occurrences(byte[] hay, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    /** Null when the PDF has exactly two signatures, each valid, trusted and intact. */
    static String fullyVerified(byte[] pdf) {
        List<SignatureReport> reports = PdfSignatureVerifier.verify(pdf, List.of(ca.root()));
        if (reports.size() != 2) {
            return reports.size() + " signatures";
        }
        for (SignatureReport r : reports) {
            if (!r.intact() || !r.coversWholeDocument() && r != reports.get(0)) {
                return r.fieldName() + ": " + r.problem();
            }
        }
        return null;
    }

    // ---- set-up ----------------------------------------------------------------------------

    /** A certificate as the platform stores it: DER, issuer chain DER, the key wrapped. */
    record StoredCertificate(
            String organisation,
            byte[] certificateDer,
            byte[] issuerChainDer,
            byte[] privateKeyWrapped,
            String keyPurpose,
            PrivateKey key,
            List<X509Certificate> chain) {}

    static void setUp() throws Exception {
        template = ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION, ContractBench.class.getClassLoader());
        masterKey = MasterKey.fromBase64(MasterKey.generateBase64());
        Instant now = Instant.now();
        ca = CertificateAuthority.createRoot(PLATFORM_NAME, now);
        purchaserCert = store(ca.issue(PURCHASER.name(), PURCHASER.creditCode(), now));
        supplierCert = store(ca.issue(SUPPLIER.name(), SUPPLIER.creditCode(), now));
        // the reference rendering whose text runs the bare path draws
        ContractDocument.Rendered r = ContractDocument.render(content(0), template, font);
        referenceNumber = String.format(Locale.ROOT, NUMBER_FORMAT, 0);
        referencePages = runs(r.pdf());
    }

    static StoredCertificate store(CertificateAuthority.Issued issued) throws Exception {
        X509Certificate cert = issued.certificate();
        // as Certificates.store: issuer DN text and upper-case hex serial make the key's purpose
        String issuer = CertificateSubject.text(cert.getIssuerX500Principal());
        String serial = cert.getSerialNumber().toString(16).toUpperCase();
        String purpose = OrganisationCertificate.keyPurpose(issuer, serial);
        byte[] pkcs8 = issued.privateKey().getEncoded();
        byte[] wrapped = masterKey.wrap(pkcs8, purpose);
        Arrays.fill(pkcs8, (byte) 0);
        return new StoredCertificate(
                CertificateSubject.of(cert).organisation(),
                cert.getEncoded(),
                ca.root().getEncoded(),
                wrapped,
                purpose,
                issued.privateKey(),
                List.of(cert, ca.root()));
    }

    static List<X509Certificate> issuers(byte[] der) {
        List<X509Certificate> l = new ArrayList<>();
        try {
            for (Certificate x : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der))) {
                l.add((X509Certificate) x);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return l;
    }

    record Run(String text, float x, float y, float size) {}

    /** Every text run of every page: its text, where it starts (PDF user space) and its size. */
    static List<List<Run>> runs(byte[] pdf) throws IOException {
        List<List<Run>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                List<Run> runs = new ArrayList<>();
                float height = doc.getPage(p - 1).getMediaBox().getHeight();
                PDFTextStripper stripper =
                        new PDFTextStripper() {
                            @Override
                            protected void writeString(String text, List<TextPosition> positions) {
                                if (text.isBlank() || positions.isEmpty()) {
                                    return;
                                }
                                TextPosition first = positions.get(0);
                                runs.add(new Run(text, first.getXDirAdj(), height - first.getYDirAdj(), first.getFontSizeInPt()));
                            }
                        };
                stripper.setSortByPosition(true);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(doc);
                pages.add(runs);
            }
        }
        return pages;
    }

    static TrueTypeFont openFont() {
        try {
            TrueTypeCollection collection = new TrueTypeCollection(font.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(ttf -> {
                if (first[0] == null) {
                    first[0] = ttf;
                }
            });
            return first[0]; // left open for the bench's lifetime: PDFBox reads glyphs at save
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the contract ----------------------------------------------------------------------

    static final Party PURCHASER =
            new Party("滨江区教育局", "11330108002482314X", "浙江省杭州市滨江区江南大道 3850 号", "王芳", "0571-87702345",
                    "中国工商银行杭州滨江支行", "滨江区教育局", "1202 0219 0990 0012 345");
    static final Party SUPPLIER =
            new Party("杭州明远信息技术有限公司", "91330106MA2H3KXY8B", "浙江省杭州市西湖区文三路 478 号华星时代广场 B 座 1206 室", "陈志强",
                    "13805718899", "中国建设银行杭州高新支行", "杭州明远信息技术有限公司", "3305 0161 6135 0000 0789");

    /** Contract {@code n}: the test fixture's reverse-auction contract, numbered n. */
    static ContractContent content(int n) {
        String[][] goods = {
            {"台式计算机", "Intel Core i5-13500 / 16GB DDR5 / 512GB NVMe SSD / 23.8 英寸显示器，预装正版操作系统", "台"},
            {"激光打印机", "A4 黑白激光，双面打印，有线及无线网络，打印速度不低于 40 页/分钟", "台"},
            {"交互式智能平板", "86 英寸 4K 显示，触控点数不少于 20 点，内置 OPS 电脑模块（i5/8GB/256GB），含移动支架", "套"},
            {"投影仪", "3LCD，亮度不低于 4000 流明，分辨率 1920×1080", "台"},
            {"学生课桌椅", "单人，升降式，钢木结构，桌面 600×400 mm，符合 GB/T 3976-2014", "套"},
            {"网络交换机", "24 口千兆电口 + 4 口万兆光口，可网管", "台"},
        };
        int[] quantities = {3, 7, 12, 1, 45, 2};
        List<PriceAllocation.Line> lines = new ArrayList<>();
        for (int i = 0; i < itemLines; i++) {
            String[] g = goods[i % goods.length];
            int q = quantities[i % quantities.length];
            BigDecimal unit = new BigDecimal(1000 + 397 * i % 6000).add(new BigDecimal("0.50"));
            lines.add(new PriceAllocation.Line(
                    g[0] + (itemLines > goods.length ? "（" + (i / goods.length + 1) + "）" : ""), g[1], g[2],
                    new BigDecimal(q), unit.multiply(new BigDecimal(q))));
        }
        BigDecimal estimated = lines.stream().map(PriceAllocation.Line::estimatedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal awarded = estimated.multiply(new BigDecimal("0.93")).setScale(2, java.math.RoundingMode.HALF_UP);
        return new ContractContent(
                String.format(Locale.ROOT, NUMBER_FORMAT, n),
                "滨江区教育局2026年教学设备采购合同",
                "ZFCG-2026-0042",
                "滨江区教育局2026年教学设备采购项目",
                1,
                "教学及办公设备",
                ProcurementMethod.REVERSE_AUCTION,
                LocalDate.of(2026, 3, 2),
                PURCHASER,
                SUPPLIER,
                PriceAllocation.allocate(lines, awarded),
                awarded,
                template.defaultTerms(),
                DRAFTED,
                1);
    }

    // ---- helpers ---------------------------------------------------------------------------

    static double percentile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        long[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i].substring(2), args[++i]);
            }
        }
        return o;
    }
}
