package io.fedsearch.search;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * An upstream that accepts a connection, reads the request and never answers. It notices the moment the client
 * closes the connection (its read ends), which the JDK's HttpServer cannot show while a handler waits.
 */
final class SilentUpstream implements AutoCloseable {

    /** Counted down when a request has arrived, and when its connection was closed by the client. */
    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch closedByClient = new CountDownLatch(1);
    private final ServerSocket server;

    SilentUpstream() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    String urlTemplate() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/search?q={query}";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> hold(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void hold(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            asked.countDown();
            while (in.read() >= 0) {
                // the request, then nothing: read until the client closes
            }
            closedByClient.countDown();
        } catch (IOException reset) {
            closedByClient.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
