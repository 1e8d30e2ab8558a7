package neptun.chat.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a database, which fails on command the way networks and hosts fail:
 * {@link #refuse()} is a database that is down (new connections refused, open ones cut), {@link #silence()}
 * a partition or a dead host (connections stay open, or are accepted, but nothing is forwarded, ever again on
 * those connections), and {@link #restore()} brings the database back for new connections. A thread per
 * direction of each connection; everything is closed by {@link #close()}.
 *
 * <p>Also a program, for {@code bench/faults}: {@code java FaultProxy.java TARGET_HOST TARGET_PORT} prints
 * {@code ready PORT}, then reads {@code refuse}, {@code silence}, {@code restore} or {@code quit} lines from
 * standard input and answers each with {@code ok} and the time it was done (milliseconds since the epoch).
 */
public final class FaultProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean silent;
    private volatile boolean closed;

    /** One client connection and its connection to the target; once silenced, it forwards nothing ever again. */
    private final class Link {
        final Socket client;
        final Socket server;
        volatile boolean silenced;

        Link(Socket client, Socket server, boolean silenced) {
            this.client = client;
            this.server = server;
            this.silenced = silenced;
        }

        void pump(InputStream from, OutputStream to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                for (int read; (read = from.read(buffer)) >= 0; ) {
                    if (!silenced) { // silenced bytes are lost, as packets that never arrive
                        to.write(buffer, 0, read);
                        to.flush();
                    }
                }
            } catch (IOException endOfEither) {
                // one side closed or was cut: close both
            } finally {
                cut();
            }
        }

        void cut() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** A proxy on a free port of 127.0.0.1 to {@code host}:{@code targetPort}, forwarding. */
    public static FaultProxy to(String host, int targetPort) throws IOException {
        return new FaultProxy(new InetSocketAddress(host, targetPort));
    }

    public int port() {
        return port;
    }

    /** The database is down: new connections are refused and open ones are cut. */
    public synchronized void refuse() {
        closeQuietly(listener);
        listener = null;
        silent = false;
        links.forEach(Link::cut);
    }

    /** The database is gone without a word: nothing is forwarded on any connection, open now or accepted until {@link #restore()}. */
    public synchronized void silence() {
        silent = true;
        links.forEach(link -> link.silenced = true);
    }

    /** The database is back for new connections; connections silenced meanwhile stay silent until their clients give up. */
    public synchronized void restore() throws IOException {
        silent = false;
        if (listener == null && !closed) {
            listener = listen(port);
            startAccepting(listener);
        }
    }

    /** Connections open through the proxy now. */
    public int openConnections() {
        return links.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listener);
        listener = null;
        links.forEach(Link::cut);
    }

    private static ServerSocket listen(int port) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void startAccepting(ServerSocket socket) {
        daemon("fault-proxy-accept-" + port, () -> {
            while (!socket.isClosed()) {
                try {
                    accepted(socket, socket.accept());
                } catch (IOException closedOrFailed) {
                    return;
                }
            }
        });
    }

    private void accepted(ServerSocket from, Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        var link = new Link(client, server, silent);
        links.add(link);
        if (listener != from) {
            link.cut(); // refused while this one was being accepted
            return;
        }
        try {
            InputStream fromClient = client.getInputStream();
            OutputStream toServer = server.getOutputStream();
            InputStream fromServer = server.getInputStream();
            OutputStream toClient = client.getOutputStream();
            daemon("fault-proxy-up", () -> link.pump(fromClient, toServer));
            daemon("fault-proxy-down", () -> link.pump(fromServer, toClient));
        } catch (IOException e) {
            link.cut();
        }
    }

    private static void daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    /** The program: see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java FaultProxy.java TARGET_HOST TARGET_PORT");
            System.exit(2);
        }
        try (var proxy = FaultProxy.to(args[0], Integer.parseInt(args[1]));
                var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("ready " + proxy.port());
            System.out.flush();
            for (String line; (line = commands.readLine()) != null; ) {
                switch (line.strip()) {
                    case "refuse" -> proxy.refuse();
                    case "silence" -> proxy.silence();
                    case "restore" -> proxy.restore();
                    case "quit" -> {
                        System.out.println("ok");
                        return;
                    }
                    case "" -> {
                        continue;
                    }
                    default -> {
                        System.out.println("unknown command: " + line);
                        continue;
                    }
                }
                System.out.println("ok " + System.currentTimeMillis());
                System.out.flush();
            }
        }
    }
}
