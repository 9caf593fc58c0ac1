package no.losen.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The widget loads on cheap phones over slow links: its script and styles together stay under 30 KB gzipped. */
class WidgetSizeTest {

    static final int BUDGET = 30 * 1024;

    @Test
    void scriptAndStylesTogetherAreUnder30KilobytesGzipped() throws IOException {
        Asset css = WebAssets.styles();
        Asset js = WebAssets.script(css);
        int jsGz = gzipped(js.bytes());
        int cssGz = gzipped(css.bytes());
        System.out.printf("widget size: js %d B (%d B gzipped), css %d B (%d B gzipped), total %d B gzipped of %d%n",
                js.bytes().length, jsGz, css.bytes().length, cssGz, jsGz + cssGz, BUDGET);
        assertThat(jsGz + cssGz).isLessThan(BUDGET);
    }

    static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
