package no.losen.channel.ws;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client at the byte level, for the transport's tests: it writes exactly the frames a
 * test asks for (fragments, bad UTF-8, pings, a handshake without a key), which a real client
 * library would refuse to send.
 */
final class RawClient implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** One frame as received. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame. */
        int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    final String response;

    /** Connects and sends the handshake request for {@code /ws} made of {@code headers} (CRLF-separated lines). */
    RawClient(int port, String headers) throws IOException {
        this(port, headers, "/ws");
    }

    RawClient(int port, String headers, String path) throws IOException {
        this(port, headers, path, "127.0.0.1:" + port);
    }

    /** With the {@code Host} a test chooses. */
    RawClient(int port, String headers, String path, String host) throws IOException {
        this(port, headers, path, host, null);
    }

    /** From the local address {@code local} (any 127/8 address on Linux); null: the default. */
    RawClient(int port, String headers, String path, String host, String local) throws IOException {
        socket = local == null ? new Socket("127.0.0.1", port)
                : new Socket(java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName(local), 0);
        socket.setSoTimeout(5_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        response = readHead(in);
    }

    /** A well-formed handshake. */
    /** A well-formed handshake from the local address {@code local}. */
    static RawClient openFrom(String local, int port) throws IOException {
        return new RawClient(port, "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "/ws", "127.0.0.1:" + port, local);
    }

    static RawClient open(int port) throws IOException {
        return new RawClient(port, "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
    }

    int status() {
        return Integer.parseInt(response.substring(9, 12));
    }

    RawClient text(String s) throws IOException {
        return frame(true, TEXT, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one masked frame, as a client must; {@code opcode} may carry the reserved bits (0x70) too. */
    RawClient frame(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((fin ? 0x80 : 0) | (opcode & 0x7f));
        if (payload.length < 126) {
            b.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            b.write(0x80 | 126);
            b.write(payload.length >>> 8);
            b.write(payload.length & 0xff);
        } else {
            b.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        b.write(mask);
        for (int i = 0; i < payload.length; i++) {
            b.write(payload[i] ^ mask[i % 4]);
        }
        out.write(b.toByteArray());
        out.flush();
        return this;
    }

    /** Writes bytes as they are, for frames no client may send. */
    RawClient raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next frame from the server (which never masks). */
    Frame next() throws IOException {
        int b0 = in.readUnsignedByte();
        int len = in.readUnsignedByte() & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = (int) in.readLong();
        }
        byte[] payload = new byte[len];
        in.readFully(payload);
        return new Frame(b0 & 0x0f, payload);
    }

    /** Whether the server has closed the TCP connection (end of stream within the read timeout). */
    boolean endOfStream() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while (matched < 4 && (c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
