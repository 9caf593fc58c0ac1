package no.losen.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (the Debian package; .ci/run installs it) on a free loopback port,
 * without persistence, for tests. Where it is not installed the tests that need it are skipped,
 * and say so loudly, so a green local run without Redis is never mistaken for a tested one.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /** Starts one, or skips the calling test when the binary is missing. */
    public static RedisServer startOrSkip() {
        String bin = binary();
        if (bin == null) {
            System.err.println("""
                    ************************************************************************
                    SKIPPED: redis-server is not installed, so the Redis session store tests
                    did not run. Install it (apt-get install redis-server) or run .ci/run.
                    ************************************************************************""");
            Assumptions.abort("redis-server is not installed");
        }
        RedisServer r = new RedisServer(freePort());
        r.start();
        return r;
    }

    static String binary() {
        for (String p : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port, empty: nothing is persisted. */
    public void start() {
        try {
            process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    /** Freezes the process (SIGSTOP): connections stay open and nothing answers, as when Redis hangs. */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a frozen process go on (SIGCONT), with all it held. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process (a Redis outage). */
    public void stop() {
        if (process != null && process.isAlive()) {
            signal("CONT");
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
