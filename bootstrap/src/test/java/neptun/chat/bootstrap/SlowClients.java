package neptun.chat.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections that send a request one byte every {@code interval}: either its header (never finished) or,
 * after a complete header, its body. Each remembers the start of what the server answered.
 */
final class SlowClients implements AutoCloseable {
    private final List<Connection> connections = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    /** Opens {@code count} connections that send {@code head} at once, then one byte of padding each {@code intervalMillis}. */
    SlowClients(int port, int count, String head, long intervalMillis) {
        try {
            for (int i = 0; i < count; i++) {
                var socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(1);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                connections.add(new Connection(socket));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        ticker.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** A header that never ends: a header line that grows by a byte at a time. */
    static String endlessHeader(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    }

    /** A complete header announcing a body of {@code length} bytes, and the first of them (Jetty waits for one to dispatch). */
    static String bodyToCome(String path, String cookie, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nCookie: neptun-session=" + cookie
                + "\r\nContent-Length: " + length + "\r\n\r\n ";
    }

    private synchronized void tick() {
        for (var connection : connections) {
            connection.tick();
        }
    }

    /** How many connections have been answered, with a status line starting with {@code statusLine}. */
    synchronized long answered(String statusLine) {
        return connections.stream().filter(c -> c.answer().startsWith(statusLine)).count();
    }

    /** What the server sent to the connections answered with a status line starting with {@code statusLine}, as it came. */
    synchronized List<String> answers(String statusLine) {
        return connections.stream().map(Connection::answer).filter(answer -> answer.startsWith(statusLine)).toList();
    }

    synchronized long answered() {
        return connections.stream().filter(c -> !c.answer().isEmpty()).count();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        for (var connection : connections) {
            connection.close();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final StringBuilder answer = new StringBuilder();
        private boolean closed;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void tick() {
            if (closed) {
                return;
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(' ');
                out.flush();
            } catch (IOException refused) {
                closed = true;
            }
            read();
        }

        private void read() {
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[512];
                int n = in.read(buffer);
                if (n > 0 && answer.length() < 4096) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                } else if (n < 0) {
                    closed = true;
                }
            } catch (java.net.SocketTimeoutException nothingYet) {
                // no answer yet
            } catch (IOException gone) {
                closed = true;
            }
        }

        String answer() {
            read();
            return answer.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
