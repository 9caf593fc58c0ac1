package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import no.losen.server.LosenServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guessers from many addresses must not lock a staff member out: the password check slots are
 * few (bcrypt is slow on purpose), and they once stayed full of guesses while the right
 * password got 503 again and again. Each client here is a socket bound to its own loopback
 * address (127.0.1.x: any 127/8 address is this machine on Linux), posting as a browser would.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StaffLockOutTest {

    static final String PASSWORD = "correct horse battery";

    /** A real bcrypt cost, so checks take tens of milliseconds and guessers can fill the slots. */
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().hashCost(10)
            .staff("anna", PASSWORD).staff("bo", PASSWORD).with(c -> StaffRoutesTest.config(c.staffUsers()));

    record Answer(int status, List<String> cookies) {
    }

    /** One log-in from {@code from}, on a connection of its own. */
    static Answer login(String from, String name, String password, String cookie) throws IOException {
        String body = "name=" + name + "&password=" + password.replace(" ", "+");
        String origin = server.baseUrl();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nOrigin: " + origin
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + (cookie == null ? "" : "\r\nCookie: " + cookie) + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String[] lines = all.toString(StandardCharsets.UTF_8).split("\r\n");
            List<String> cookies = new ArrayList<>();
            for (String l : lines) {
                if (l.toLowerCase().startsWith("set-cookie:")) {
                    cookies.add(l.substring(11).strip().split(";")[0]);
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), cookies);
        }
    }

    /** Guessers, one thread per address, each posting wrong passwords for {@code name} in a loop. */
    static final class Attack implements AutoCloseable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger requests = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();

        Attack(String name, int addresses) {
            for (int i = 0; i < addresses; i++) {
                String from = "127.0.1." + (2 + i);
                Thread t = new Thread(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        try {
                            login(from, name, "guess " + n++, null);
                            requests.incrementAndGet();
                        } catch (IOException e) {
                            // A refused or reset connection is part of a flood; go on.
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    /** Tries the right password every 500 ms until it is accepted; answers how long that took. */
    static Duration owner(String name, String cookie, Duration bound) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < bound.toNanos()) {
            if (login("127.0.0.1", name, PASSWORD, cookie).status() == 200) {
                return Duration.ofNanos(System.nanoTime() - t0);
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Test
    void theRightPasswordFromAnotherAddressGetsInWithinSecondsWhileEightAddressesGuess() throws Exception {
        try (Attack attack = new Attack("anna", 8)) {
            Thread.sleep(1_000);
            Duration took = owner("anna", null, Duration.ofSeconds(20));
            assertThat(took).isLessThan(Duration.ofSeconds(6));
            assertThat(attack.requests.get()).isGreaterThan(8);
        }
    }

    @Test
    void aBrowserThatLoggedInBeforeGetsInAtOnceWhileFortyAddressesGuess() throws Exception {
        Answer before = login("127.0.0.1", "bo", PASSWORD, null);
        assertThat(before.status()).isEqualTo(200);
        String device = before.cookies().stream().filter(c -> c.startsWith("losen_device=")).findFirst().orElseThrow();
        // The device cookie is for this account only.
        assertThat(KnownDevices.cookie(List.of(device))).isPresent();
        try (Attack attack = new Attack("bo", 40)) {
            Thread.sleep(1_000);
            long t0 = System.nanoTime();
            Answer during = login("127.0.0.1", "bo", PASSWORD, device);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(during.status()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            // A device pays for its own wrong passwords: after five, it must wait too.
            Optional<Integer> limited = Optional.empty();
            for (int i = 0; i < 7 && limited.isEmpty(); i++) {
                int status = login("127.0.0.1", "bo", "wrong " + i, device).status();
                if (status == 429) {
                    limited = Optional.of(i);
                }
            }
            assertThat(limited).contains(5);
        }
    }
}
