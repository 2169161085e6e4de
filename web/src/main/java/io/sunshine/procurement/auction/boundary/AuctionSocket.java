package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.control.Jsonp;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live feed of one auction over WebSocket: {@code /ws/auctions/{id}}.
 *
 * <p>Who: the handshake is an ordinary request under the {@code /ws/*} security constraint of
 * {@code web.xml} (every role but EXPERT): a browser proves itself by its session cookie, a
 * supplier system by {@code Authorization: Bearer <token>}. A browser handshake from another origin
 * is refused (no cross-site WebSocket hijacking with the user's cookie). Then the auction decides
 * (object level, audited when refused): its agency, buyer, finance and supervision watch as
 * monitors (the full ladder with names), a supplier watches its own view (alias, rank, and the best
 * price where the rules show it).
 *
 * <p>What: the server sends {@code {"type":"state","auction":id, …}} — the watcher's whole view,
 * with {@code serverTime} — at once and after every change. The client may send {@code
 * {"type":"sync","t0":<its clock in ms>}}, answered with {@code {"type":"sync","t0":…,
 * "serverTime":…}} so that its countdown runs on server time (offset from the round trip), and
 * {@code {"type":"state"}} to be sent the state again. Bids are not taken here: they go through the
 * page or {@code POST /api/v1/auctions/{id}/bids}.
 */
@ServerEndpoint(value = "/ws/auctions/{id}", configurator = AuctionSocket.Handshake.class)
public class AuctionSocket {
    private static final Logger LOG = Logger.getLogger(AuctionSocket.class.getName());
    private static final String FOREIGN_ORIGIN = "io.sunshine.foreignOrigin";

    private Watcher watcher;
    private long auctionId;

    /** Notes a browser handshake whose Origin is not this server. */
    public static class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(
                ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String origin = first(request.getHeaders().get("Origin"));
            String host = first(request.getHeaders().get("Host"));
            boolean foreign = false;
            if (origin != null) {
                try {
                    URI o = URI.create(origin);
                    String authority = o.getHost() + (o.getPort() < 0 ? "" : ":" + o.getPort());
                    foreign = host == null || !authority.equalsIgnoreCase(host);
                } catch (IllegalArgumentException e) {
                    foreign = true;
                }
            }
            // the user properties written here are the new session's own (per connection)
            if (foreign) {
                config.getUserProperties().put(FOREIGN_ORIGIN, Boolean.TRUE);
            } else {
                config.getUserProperties().remove(FOREIGN_ORIGIN);
            }
        }

        private static String first(List<String> values) {
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private record Watcher(Session session, AuctionSnapshot.Viewer viewer)
            implements AuctionFeed.Watcher {
        @Override
        public void send(String json) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(json);
            }
        }
    }

    @OnOpen
    public void open(Session session, EndpointConfig config, @PathParam("id") String id)
            throws IOException {
        if (Boolean.TRUE.equals(session.getUserProperties().get(FOREIGN_ORIGIN))) {
            refuse(session, "origin");
            return;
        }
        Principal user = session.getUserPrincipal();
        long auction;
        try {
            auction = Long.parseLong(id);
        } catch (NumberFormatException e) {
            refuse(session, "not found");
            return;
        }
        if (user == null) {
            refuse(session, "not signed in");
            return;
        }
        Optional<AuctionSnapshot.Viewer> viewer = auctions().watcher(auction, user.getName());
        if (viewer.isEmpty()) {
            refuse(session, "not found");
            return;
        }
        session.setMaxIdleTimeout(120_000);
        this.auctionId = auction;
        this.watcher = new Watcher(session, viewer.get());
        feed().watch(auction, watcher);
    }

    @OnMessage(maxMessageSize = 512)
    public void message(Session session, String text) {
        if (watcher == null) {
            return;
        }
        JsonObject o;
        try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            o = r.readObject();
        } catch (RuntimeException e) {
            return; // not ours to answer: the feed is one-way but for the two requests below
        }
        String type = o.getString("type", "");
        if ("sync".equals(type)) {
            JsonValue t0 = o.get("t0");
            String echo = t0 instanceof JsonNumber n ? n.toString() : "null";
            String now = CDI.current().select(Clock.class).get().instant().toString();
            session.getAsyncRemote()
                    .sendText(
                            "{\"type\":\"sync\",\"t0\":"
                                    + echo
                                    + ",\"serverTime\":\""
                                    + now
                                    + "\"}");
        } else if ("state".equals(type)) {
            feed().current(auctionId, watcher.viewer()).ifPresent(watcher::send);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (watcher != null) {
            feed().leave(auctionId, watcher);
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        if (watcher != null) {
            feed().leave(auctionId, watcher);
        }
        LOG.log(Level.FINE, "Auction feed socket error", t);
    }

    private static void refuse(Session session, String why) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
    }

    private static AuctionFeed feed() {
        return CDI.current().select(AuctionFeed.class).get();
    }

    private static Auctions auctions() {
        return CDI.current().select(Auctions.class).get();
    }
}
