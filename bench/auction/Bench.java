import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auction benchmark's client, JDK only ({@code java bench/auction/Bench.java MODE --opt v …}).
 *
 * <ul>
 *   <li>{@code setup}: finds the bench auctions (published projects whose title starts with the
 *       prefix, one auction each), registers {@code --bidders} suppliers per auction over {@code
 *       POST /api/v1/suppliers}, has agency1 verify them, signs each in and enrols it in its lot;
 *       one more supplier for the watch auction; writes auctions and tokens to {@code --out}.
 *   <li>{@code load}: one thread per bidder, each bidding on its auction as fast as answers come,
 *       undercutting the best price it knows by 1..{@code --undercut} steps; after {@code
 *       --warmup} s it measures for {@code --seconds} s: accepted and refused bids per second,
 *       latency percentiles of accepted bids, errors by code.
 *   <li>{@code watch}: {@code --watchers} WebSocket connections to {@code /ws/auctions/{id}} of
 *       the watch auction (monitor tokens: agency1, purchaser1), while one supplier bids {@code
 *       --rate} times a second for {@code --seconds} s; the fan-out latency of each (message,
 *       watcher) pair is its receipt instant minus the message's {@code lastBidAt}; the pairs of
 *       the bids of the first {@code --warmup} s (default 5: the fan-out path is cold until then)
 *       are reported apart from the rest, and with them.
 * </ul>
 *
 * Each mode prints a Markdown section on stdout and, with {@code --summary F}, appends {@code
 * key=value} lines for the run script.
 */
public class Bench {
    static final String DEMO_PASSWORD = "Demo#2026";
    static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java Bench.java setup|load|watch --url URL …");
            System.exit(2);
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        Api api = new Api(o.getOrDefault("url", "http://localhost:29080"));
        switch (args[0]) {
            case "setup" -> setup(api, o);
            case "load" -> load(api, o);
            case "watch" -> watch(api, o);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // set-up

    record AuctionInfo(
            long id, long projectId, String title, BigDecimal ceiling, BigDecimal step,
            Instant startsAt) {}

    static void setup(Api api, Map<String, String> o) throws Exception {
        String prefix = o.getOrDefault("prefix", "竞价基准");
        String watchTitle = o.getOrDefault("watch-title", prefix + "推送");
        int perAuction = Integer.parseInt(o.getOrDefault("bidders", "10"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
        Path out = Path.of(o.get("out"));
        long t0 = System.nanoTime();

        String agency = api.token("agency1", DEMO_PASSWORD);
        String purchaser = api.token("purchaser1", DEMO_PASSWORD);
        List<AuctionInfo> load = new ArrayList<>();
        AuctionInfo watched = null;
        Object projects = api.check(api.get("/api/v1/projects?state=PUBLISHED", agency), 200, "projects");
        for (Object p : (List<?>) projects) {
            Map<?, ?> pm = (Map<?, ?>) p;
            String title = (String) pm.get("title");
            if (title == null || !title.startsWith(prefix)) {
                continue;
            }
            long pid = num(pm.get("id")).longValue();
            List<?> auctions =
                    (List<?>) api.check(api.get("/api/v1/auctions?project=" + pid, agency), 200, "auctions");
            Map<?, ?> a = (Map<?, ?>) auctions.get(0);
            AuctionInfo info =
                    new AuctionInfo(
                            num(a.get("id")).longValue(),
                            pid,
                            title,
                            num(a.get("ceiling")),
                            num(a.get("step")),
                            instant(a.get("startsAt")));
            if (title.equals(watchTitle)) {
                watched = info;
            } else {
                load.add(info);
            }
        }
        load.sort((x, y) -> Long.compare(x.projectId(), y.projectId()));
        if (load.isEmpty() || watched == null) {
            throw new IllegalStateException(
                    "no bench auctions (titles starting with " + prefix + ") found: was the bench demo file loaded?");
        }
        System.err.printf("set-up: %d load auctions + watch auction %d; registering %d suppliers%n",
                load.size(), watched.id(), load.size() * perAuction + 1);

        // every supplier: register, verify (agency1), sign in, enrol in its lot
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> lines = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        int total = load.size() * perAuction + 1;
        for (int i = 0; i < total; i++) {
            AuctionInfo target = i < load.size() * perAuction ? load.get(i / perAuction) : watched;
            String username = "bench" + tag + "s" + i;
            lines.add(pool.submit(() -> {
                String token = supplier(api, agency, username, target);
                int n = done.incrementAndGet();
                if (n % 20 == 0 || n == total) {
                    System.err.printf("  %d/%d suppliers ready%n", n, total);
                }
                return "bidder " + target.id() + " " + username + " " + token;
            }));
        }
        StringBuilder file = new StringBuilder();
        for (AuctionInfo a : load) {
            file.append(auctionLine("auction", a));
        }
        file.append(auctionLine("watch", watched));
        file.append("monitor agency1 ").append(agency).append('\n');
        file.append("monitor purchaser1 ").append(purchaser).append('\n');
        for (Future<String> f : lines) {
            file.append(f.get()).append('\n');
        }
        pool.shutdown();
        Files.writeString(out, file.toString());
        System.err.printf("set-up done in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, out);
    }

    static String auctionLine(String kind, AuctionInfo a) {
        return String.join(" ", kind, String.valueOf(a.id()), String.valueOf(a.projectId()),
                a.ceiling().toPlainString(), a.step().toPlainString(), a.startsAt().toString()) + "\n";
    }

    static String supplier(Api api, String agency, String username, AuctionInfo a) throws Exception {
        String password = "Bench#" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String name = "竞价基准供应商" + username.toUpperCase() + "有限公司";
        String body = json(Map.ofEntries(
                Map.entry("name", name),
                Map.entry("creditCode", creditCode()),
                Map.entry("legalRepresentative", "王伟"),
                Map.entry("contactName", "李娜"),
                Map.entry("contactPhone", "13812345678"),
                Map.entry("contactEmail", username + "@bench.example.cn"),
                Map.entry("sizeClass", "SMALL"),
                Map.entry("bankName", "中国工商银行滨江支行"),
                Map.entry("bankAccountName", name),
                Map.entry("bankAccountNumber", "1202021209001234567"),
                Map.entry("sizeDeclarationAccepted", Boolean.TRUE),
                Map.entry("username", username),
                Map.entry("displayName", "王伟"),
                Map.entry("password", password)));
        Map<?, ?> r = (Map<?, ?>) api.check(api.post("/api/v1/suppliers", body, null), 201, "register " + username);
        long id = num(r.get("id")).longValue();
        api.check(api.post("/api/v1/suppliers/" + id + "/verification", "{\"decision\":\"VERIFIED\"}", agency),
                200, "verify " + username);
        String token = api.token(username, password);
        api.check(api.post("/api/v1/projects/" + a.projectId() + "/lots/1/enrolment", "", token),
                201, "enrol " + username + " (the auction's start closes enrolment: raise START_IN)");
        return token;
    }

    /** A valid 统一社会信用代码 (GB 32100, with the GB 11714 organisation code inside). */
    static String creditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        StringBuilder body = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int d = RANDOM.nextInt(10);
            body.append(d);
            sum += d * weights[i];
        }
        int c = 11 - sum % 11;
        String first17 = "91330100" + body + (c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c));
        int total = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            total += charset.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + charset.charAt((31 - total % 31) % 31);
    }

    // ---------------------------------------------------------------------------------------------
    // the set-up file

    record Setup(List<AuctionInfo> auctions, AuctionInfo watch, Map<String, String> monitors,
                 Map<Long, List<String>> bidders) {}

    static Setup readSetup(Path file) throws IOException {
        List<AuctionInfo> auctions = new ArrayList<>();
        AuctionInfo watch = null;
        Map<String, String> monitors = new LinkedHashMap<>();
        Map<Long, List<String>> bidders = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "auction", "watch" -> {
                    AuctionInfo a = new AuctionInfo(Long.parseLong(f[1]), Long.parseLong(f[2]), f[0],
                            new BigDecimal(f[3]), new BigDecimal(f[4]), Instant.parse(f[5]));
                    if (f[0].equals("watch")) {
                        watch = a;
                    } else {
                        auctions.add(a);
                    }
                }
                case "monitor" -> monitors.put(f[1], f[2]);
                case "bidder" -> bidders.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(f[3]);
                default -> { }
            }
        }
        return new Setup(auctions, watch, monitors, bidders);
    }

    /** Waits until the server's clock has passed the auction's start (by a second). */
    static void awaitStart(Api api, AuctionInfo a, String token) throws Exception {
        while (true) {
            Map<?, ?> view = (Map<?, ?>) api.check(api.get("/api/v1/auctions/" + a.id(), token), 200, "auction");
            Instant server = instant(view.get("serverTime"));
            long wait = Duration.between(server, a.startsAt()).toMillis() + 1000;
            if ("OPEN".equals(view.get("status")) && wait <= 0) {
                return;
            }
            if (!"SCHEDULED".equals(view.get("status")) && !"OPEN".equals(view.get("status"))) {
                throw new IllegalStateException("auction " + a.id() + " is " + view.get("status"));
            }
            System.err.printf("waiting %.0f s for auction %d to open (%s)%n", Math.max(wait, 1000) / 1000.0,
                    a.id(), a.startsAt());
            Thread.sleep(Math.min(Math.max(wait, 200), 30_000));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // load

    static final Pattern AT_MOST = Pattern.compile("at most ([0-9]+(?:\\.[0-9]+)?) yuan");

    static final class Bidder implements Runnable {
        final Api api;
        final AuctionInfo auction;
        final String token;
        final int undercut;
        final long warmEnd;
        final long end;
        BigDecimal known;
        long[] accepted = new long[1024];
        int acceptedN;
        long[] refused = new long[1024];
        int refusedN;
        long acceptedWarm;
        final long[] perSecond;
        final Map<String, Integer> errors = new TreeMap<>();
        boolean exhausted;

        Bidder(Api api, AuctionInfo a, String token, int undercut, long warmEnd, long end, int seconds) {
            this.api = api;
            this.auction = a;
            this.token = token;
            this.undercut = undercut;
            this.warmEnd = warmEnd;
            this.end = end;
            this.known = a.ceiling().add(a.step()); // the first bid may be the ceiling itself
            this.perSecond = new long[seconds + 1];
        }

        @Override
        public void run() {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            String path = "/api/v1/auctions/" + auction.id() + "/bids";
            while (true) {
                long start = System.nanoTime();
                if (start >= end) {
                    return;
                }
                BigDecimal amount = known.subtract(auction.step().multiply(BigDecimal.valueOf(1 + rnd.nextInt(undercut))));
                if (amount.compareTo(new BigDecimal("0.01")) < 0) {
                    exhausted = true;
                    return;
                }
                HttpResponse<String> r;
                try {
                    r = api.send(api.request(path, token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount.toPlainString() + "\"}"))
                            .build());
                } catch (IOException e) {
                    error("IO: " + e.getClass().getSimpleName());
                    continue;
                }
                long stop = System.nanoTime();
                long nanos = stop - start;
                boolean measured = start >= warmEnd && stop <= end;
                if (r.statusCode() == 201) {
                    Object best = ((Map<?, ?>) Json.parse(r.body())).get("bestAmount");
                    known = best == null ? amount : num(best);
                    if (measured) {
                        if (acceptedN == accepted.length) {
                            accepted = Arrays.copyOf(accepted, acceptedN * 2);
                        }
                        accepted[acceptedN++] = nanos;
                        perSecond[(int) ((stop - warmEnd) / 1_000_000_000L)]++;
                    } else if (start < warmEnd) {
                        acceptedWarm++;
                    }
                    continue;
                }
                String code = code(r);
                if ("BID_NOT_BELOW_BEST".equals(code)) {
                    Matcher m = AT_MOST.matcher(detail(r));
                    if (m.find()) {
                        known = new BigDecimal(m.group(1)).add(auction.step());
                    } else {
                        error("BID_NOT_BELOW_BEST without a figure");
                    }
                    if (measured) {
                        if (refusedN == refused.length) {
                            refused = Arrays.copyOf(refused, refusedN * 2);
                        }
                        refused[refusedN++] = nanos;
                    }
                } else {
                    error(r.statusCode() + " " + code);
                    if ("AUCTION_NOT_OPEN".equals(code)) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        }

        void error(String what) {
            errors.merge(what, 1, Integer::sum);
        }
    }

    static void load(Api api, Map<String, String> o) throws Exception {
        Setup s = readSetup(Path.of(o.get("setup")));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int undercut = Integer.parseInt(o.getOrDefault("undercut", "5"));
        String anyToken = s.monitors().values().iterator().next();
        for (AuctionInfo a : s.auctions()) {
            awaitStart(api, a, anyToken);
        }
        // one HTTP client per auction: the JDK client drives its connections from one selector thread
        Map<Long, Api> clients = new HashMap<>();
        for (AuctionInfo a : s.auctions()) {
            clients.put(a.id(), new Api(api.base));
        }
        long begin = System.nanoTime();
        long warmEnd = begin + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<Bidder> bidders = new ArrayList<>();
        for (AuctionInfo a : s.auctions()) {
            for (String token : s.bidders().getOrDefault(a.id(), List.of())) {
                bidders.add(new Bidder(clients.get(a.id()), a, token, undercut, warmEnd, end, seconds));
            }
        }
        System.err.printf("load: %d bidders over %d auctions, %d s warm-up + %d s measured%n",
                bidders.size(), s.auctions().size(), warmup, seconds);
        List<Thread> threads = new ArrayList<>();
        for (Bidder b : bidders) {
            Thread t = new Thread(b, "bidder");
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] acc = concat(bidders.stream().map(b -> Arrays.copyOf(b.accepted, b.acceptedN)).toList());
        long[] ref = concat(bidders.stream().map(b -> Arrays.copyOf(b.refused, b.refusedN)).toList());
        Map<String, Integer> errors = new TreeMap<>();
        bidders.forEach(b -> b.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum)));
        long exhausted = bidders.stream().filter(b -> b.exhausted).count();
        long[] perSecond = new long[seconds];
        for (Bidder b : bidders) {
            for (int i = 0; i < seconds; i++) {
                perSecond[i] += b.perSecond[i];
            }
        }
        Map<Long, Long> perAuction = new TreeMap<>();
        for (Bidder b : bidders) {
            perAuction.merge(b.auction.id(), (long) b.acceptedN, Long::sum);
        }
        Arrays.sort(acc);
        Arrays.sort(ref);
        double acceptedPerS = acc.length / (double) seconds;
        double refusedPerS = ref.length / (double) seconds;
        int tenth = Math.max(1, seconds / 6);
        double first = Arrays.stream(perSecond, 0, tenth).sum() / (double) tenth;
        double last = Arrays.stream(perSecond, seconds - tenth, seconds).sum() / (double) tenth;

        PrintStream out = System.out;
        out.printf("### Bids: %d bidders over %d auctions, %d s measured after %d s warm-up%n%n",
                bidders.size(), s.auctions().size(), seconds, warmup);
        out.println("| figure | value |");
        out.println("|---|---|");
        out.printf("| accepted bids/s | **%.1f** (%d accepted) |%n", acceptedPerS, acc.length);
        out.printf("| refused bids/s (BID_NOT_BELOW_BEST: another bidder got in first) | %.1f (%d) |%n",
                refusedPerS, ref.length);
        out.printf("| accepted-bid latency p50 / p95 / p99 / max | %s / %s / **%s** / %s ms |%n",
                ms(pct(acc, 0.50)), ms(pct(acc, 0.95)), ms(pct(acc, 0.99)), ms(max(acc)));
        out.printf("| refused-bid latency p50 / p99 | %s / %s ms |%n", ms(pct(ref, 0.50)), ms(pct(ref, 0.99)));
        out.printf("| accepted bids/s, first %d s / last %d s of the window | %.1f / %.1f |%n",
                tenth, tenth, first, last);
        out.printf("| accepted bids in each second of the window | %s |%n", Arrays.toString(perSecond));
        out.printf("| accepted per auction (min / max) | %d / %d |%n",
                perAuction.values().stream().mapToLong(Long::longValue).min().orElse(0),
                perAuction.values().stream().mapToLong(Long::longValue).max().orElse(0));
        out.printf("| errors | %s |%n", errors.isEmpty() ? "none" : errors.toString());
        if (exhausted > 0) {
            out.printf("| bidders that stopped: best price below one step | %d |%n", exhausted);
        }
        out.println();
        summary(o, Map.of(
                "accepted_per_s", String.format("%.1f", acceptedPerS),
                "refused_per_s", String.format("%.1f", refusedPerS),
                "accept_p50_ms", ms(pct(acc, 0.50)),
                "accept_p99_ms", ms(pct(acc, 0.99)),
                "errors", String.valueOf(errors.values().stream().mapToInt(Integer::intValue).sum())));
    }

    // ---------------------------------------------------------------------------------------------
    // WebSocket fan-out

    static final class Watcher implements WebSocket.Listener {
        final long phaseStartMs;
        /** {the bid's instant in ms, the latency in µs} of each (message, watcher) pair. */
        final ConcurrentLinkedQueue<long[]> latenciesMicros;
        /** How many watchers got the state after the n-th bid (shared by all watchers). */
        static final Map<Integer, Integer> states = new ConcurrentHashMap<>();
        final AtomicLong messages;
        final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Void> firstMessage = new CompletableFuture<>();
        volatile String lastError;
        volatile boolean opened;

        Watcher(long phaseStartMs, ConcurrentLinkedQueue<long[]> latencies, AtomicLong messages) {
            this.phaseStartMs = phaseStartMs;
            this.latenciesMicros = latencies;
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            Instant received = Instant.now();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                messages.incrementAndGet();
                try {
                    Map<?, ?> m = (Map<?, ?>) Json.parse(text);
                    Object at = m.get("lastBidAt");
                    if ("state".equals(m.get("type")) && at instanceof String s) {
                        Instant bidAt = instant(s);
                        if (bidAt.toEpochMilli() >= phaseStartMs) {
                            latenciesMicros.add(new long[] {
                                bidAt.toEpochMilli(), Duration.between(bidAt, received).toNanos() / 1000});
                            if (m.get("bidCount") != null) {
                                states.merge(num(m.get("bidCount")).intValue(), 1, Integer::sum);
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    lastError = "unreadable message: " + text;
                }
                firstMessage.complete(null);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lastError = String.valueOf(error);
            firstMessage.completeExceptionally(error);
        }
    }

    static void watch(Api api, Map<String, String> o) throws Exception {
        Setup s = readSetup(Path.of(o.get("setup")));
        int watchers = Integer.parseInt(o.getOrDefault("watchers", "1000"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "5"));
        AuctionInfo a = s.watch();
        String bidderToken = s.bidders().get(a.id()).get(0);
        List<String> monitorTokens = new ArrayList<>(s.monitors().values());
        awaitStart(api, a, monitorTokens.get(0));
        String wsUri = api.base.replaceFirst("^http", "ws") + "/ws/auctions/" + a.id();

        long phaseStartMs = System.currentTimeMillis();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong messages = new AtomicLong();
        // a few clients share the connections (each client has one selector thread)
        HttpClient[] clients = new HttpClient[8];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        }
        List<WebSocket> open = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<Watcher> listeners = new ArrayList<>();
        Semaphore handshakes = new Semaphore(50);
        CountDownLatch connected = new CountDownLatch(watchers);
        long t0 = System.nanoTime();
        for (int i = 0; i < watchers; i++) {
            Watcher w = new Watcher(phaseStartMs, latencies, messages);
            listeners.add(w);
            handshakes.acquire();
            clients[i % clients.length].newWebSocketBuilder()
                    .header("Authorization", "Bearer " + monitorTokens.get(i % monitorTokens.size()))
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(wsUri), w)
                    .whenComplete((ws, e) -> {
                        handshakes.release();
                        if (e != null) {
                            Throwable c = e.getCause() != null ? e.getCause() : e;
                            String why = c instanceof java.net.http.WebSocketHandshakeException h
                                    ? "handshake answered HTTP " + h.getResponse().statusCode()
                                    : c.getClass().getSimpleName() + ": " + c.getMessage();
                            failures.merge(why, 1, Integer::sum);
                        } else {
                            w.opened = true;
                            open.add(ws);
                        }
                        connected.countDown();
                    });
        }
        // pings keep the early connections from the server's idle timeout while the rest connect
        var pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> {
            for (WebSocket ws : List.copyOf(open)) {
                try {
                    ws.sendPing(java.nio.ByteBuffer.allocate(0));
                } catch (RuntimeException e) {
                    // closed meanwhile: counted by the messages it misses
                }
            }
        }, 20, 20, TimeUnit.SECONDS);
        connected.await(300, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        // every open connection must have had its state message on connect (10 s in all)
        int withState = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Watcher w : listeners) {
            if (!w.opened) {
                continue;
            }
            try {
                w.firstMessage.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                withState++;
            } catch (Exception e) {
                // counted: opened but no state message
            }
        }
        long before = messages.get();
        System.err.printf("watch: %d/%d connections open in %.1f s, %d had their state on connect%n",
                open.size(), watchers, connectSeconds, withState);

        // one supplier bids at the given rate; the first --warmup seconds of its bids are reported
        // apart (the fan-out path of a thousand watchers is cold until then)
        int warmupSeconds = Integer.parseInt(o.getOrDefault("warmup", "5"));
        long measureFromMs = System.currentTimeMillis() + warmupSeconds * 1000L;
        BigDecimal known = a.ceiling().add(a.step());
        int accepted = 0;
        int refused = 0;
        Map<String, Integer> bidErrors = new TreeMap<>();
        long interval = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        if (!open.isEmpty()) {
            while (System.nanoTime() < end) {
                BigDecimal amount = known.subtract(a.step());
                HttpResponse<String> r = api.send(api.request("/api/v1/auctions/" + a.id() + "/bids", bidderToken)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount.toPlainString() + "\"}"))
                        .build());
                if (r.statusCode() == 201) {
                    accepted++;
                    known = amount;
                } else {
                    refused++;
                    String code = code(r);
                    bidErrors.merge(r.statusCode() + " " + code, 1, Integer::sum);
                    // on a kept platform the auction may have bids from an earlier run
                    Matcher m = "BID_NOT_BELOW_BEST".equals(code) ? AT_MOST.matcher(detail(r)) : null;
                    if (m != null && m.find()) {
                        known = new BigDecimal(m.group(1)).add(a.step());
                    }
                }
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            Thread.sleep(3000); // the last messages in flight
        }
        pinger.shutdownNow();
        long[] lat = latencies.stream().mapToLong(x -> x[1]).toArray();
        Arrays.sort(lat);
        long[] steady = latencies.stream().filter(x -> x[0] >= measureFromMs).mapToLong(x -> x[1]).toArray();
        Arrays.sort(steady);
        long expected = (long) accepted * open.size();
        for (WebSocket ws : open) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
        }
        PrintStream out = System.out;
        out.printf("### WebSocket fan-out: %d watchers on one auction, one bidder at %.0f bids/s for %d s%n%n",
                watchers, rate, seconds);
        out.println("| figure | value |");
        out.println("|---|---|");
        out.printf("| connections open / asked | %d / %d (in %.1f s) |%n", open.size(), watchers, connectSeconds);
        if (!failures.isEmpty()) {
            out.printf("| connection failures | %s |%n", new TreeMap<>(failures));
        }
        out.printf("| connections that got their state on connect | %d |%n", withState);
        out.printf("| bids accepted / refused during the phase | %d / %d %s |%n", accepted, refused,
                bidErrors.isEmpty() ? "" : bidErrors.toString());
        out.printf("| (bid, watcher) messages received / expected | %d / %d (all messages after connect: %d) |%n",
                lat.length, expected, messages.get() - before);
        if (accepted > 0) {
            int last = Watcher.states.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<Integer> never = new ArrayList<>();
            for (int n = last - accepted + 1; n <= last; n++) {
                if (!Watcher.states.containsKey(n)) {
                    never.add(n);
                }
            }
            out.printf("| bid states sent to no watcher (coalesced into the next: the feed sends the newest state) | %s |%n",
                    never.isEmpty() ? "none" : never.size() + ", bid no. " + never);
        }
        out.printf("| fan-out latency (receipt − lastBidAt) after the first %d s of bids: p50 / p99 / max (pairs) | %s / **%s** / %s ms (%d) |%n",
                warmupSeconds, ms(pctMicros(steady, 0.50)), ms(pctMicros(steady, 0.99)), ms(pctMicros(steady, 1.0)),
                steady.length);
        out.printf("| fan-out latency, every bid (the first %d s included): p50 / p99 / max | %s / %s / %s ms |%n",
                warmupSeconds, ms(pctMicros(lat, 0.50)), ms(pctMicros(lat, 0.99)), ms(pctMicros(lat, 1.0)));
        if (open.isEmpty()) {
            out.printf("| **not measured** | no watcher could connect to %s |%n", wsUri);
        }
        String err = listeners.stream().map(w -> w.lastError).filter(e -> e != null).findFirst().orElse(null);
        if (err != null) {
            out.printf("| a watcher's error | %s |%n", err.replace('|', '/'));
        }
        out.println();
        summary(o, Map.of(
                "ws_open", String.valueOf(open.size()),
                "ws_received", String.valueOf(lat.length),
                "ws_expected", String.valueOf(expected),
                "fanout_p50_ms", ms(pctMicros(steady, 0.50)),
                "fanout_p99_ms", ms(pctMicros(steady, 0.99)),
                "fanout_all_p99_ms", ms(pctMicros(lat, 0.99))));
    }

    // ---------------------------------------------------------------------------------------------
    // figures

    static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int i = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, i, p.length);
            i += p.length;
        }
        return all;
    }

    /** The q-quantile of sorted nanoseconds (nearest rank), or -1 when empty. */
    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long pctMicros(long[] sortedMicros, double q) {
        long v = pct(sortedMicros, q);
        return v < 0 ? v : v * 1000;
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    static String ms(long nanos) {
        return nanos < 0 ? "–" : BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP).toPlainString();
    }

    static void summary(Map<String, String> o, Map<String, String> values) throws IOException {
        if (o.containsKey("summary")) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(values).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            Files.writeString(Path.of(o.get("summary")), sb.toString(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP and JSON

    static final class Api {
        final String base;
        final HttpClient http;

        Api(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();
        }

        HttpRequest.Builder request(String path, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "en");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b;
        }

        HttpResponse<String> send(HttpRequest r) throws IOException {
            try {
                return http.send(r, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        HttpResponse<String> get(String path, String token) throws IOException {
            return send(request(path, token).GET().build());
        }

        HttpResponse<String> post(String path, String body, String token) throws IOException {
            return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        Object check(HttpResponse<String> r, int status, String what) {
            if (r.statusCode() != status) {
                throw new IllegalStateException(what + ": expected " + status + " but " + r.statusCode() + " " + r.body());
            }
            return Json.parse(r.body());
        }

        String token(String username, String password) throws IOException {
            Map<?, ?> t = (Map<?, ?>) check(post("/api/v1/auth/token",
                    json(Map.of("username", username, "password", password)), null), 200, "sign-in of " + username);
            return (String) t.get("token");
        }
    }

    static String code(HttpResponse<String> r) {
        try {
            Object c = ((Map<?, ?>) Json.parse(r.body())).get("code");
            return c == null ? "?" : c.toString();
        } catch (RuntimeException e) {
            return "not a problem: " + r.body().substring(0, Math.min(80, r.body().length()));
        }
    }

    static String detail(HttpResponse<String> r) {
        Object d = ((Map<?, ?>) Json.parse(r.body())).get("detail");
        return d == null ? "" : d.toString();
    }

    /** An instant as the platform writes it (UTC "Z" or with an offset). */
    static Instant instant(Object o) {
        String t = String.valueOf(o);
        try {
            return Instant.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
    }

    static BigDecimal num(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    static String json(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(Json.quote(e.getKey())).append(':');
            Object v = e.getValue();
            sb.append(v instanceof String s ? Json.quote(s) : String.valueOf(v));
        }
        return sb.append('}').toString();
    }

    /** A small JSON reader: objects as maps, arrays as lists, numbers as BigDecimal. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) {
                throw new IllegalArgumentException("trailing text in JSON at " + j.i);
            }
            return v;
        }

        static String quote(String v) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    i += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    i += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    i += 4;
                    return null;
                }
                default -> {
                    int j = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (j == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' in JSON at " + i);
                    }
                    return new BigDecimal(s.substring(j, i));
                }
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' in JSON at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
