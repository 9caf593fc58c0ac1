package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.losen.dialog.ErrorCode;
import org.junit.jupiter.api.Test;

class FrameTest {

    private static void refused(String raw, ErrorCode code) {
        assertThatThrownBy(() -> Frame.parse(raw)).hasFieldOrPropertyWithValue("code", code);
    }

    @Test
    void readsEveryFrameTheProtocolDefines() {
        assertThat(Frame.parse("{\"type\":\"start\",\"dialog\":\"rights\",\"lang\":\"ar\"}").lang()).isEqualTo("ar");
        assertThat(Frame.parse("{\"type\":\"choose\",\"choice\":\"a\"}").choice()).isEqualTo("a");
        assertThat(Frame.parse("{\"type\":\"choose\",\"choices\":[\"a\",\"b\"]}").choices()).containsExactly("a", "b");
        assertThat(Frame.parse("{\"type\":\"text\",\"text\":\"hei\"}").text()).isEqualTo("hei");
        assertThat(Frame.parse("{\"type\":\"resume\",\"token\":\"t\"}").token()).isEqualTo("t");
        for (String t : new String[] {"back", "restart", "end", "ping"}) {
            assertThat(Frame.parse("{\"type\":\"" + t + "\"}").type()).isEqualTo(t);
        }
    }

    @Test
    void refusesWhatIsNotAFrame() {
        refused("", ErrorCode.BAD_FRAME);
        refused("{", ErrorCode.BAD_FRAME);
        refused("\"start\"", ErrorCode.BAD_FRAME);
        refused("null", ErrorCode.BAD_FRAME);
        refused("{}", ErrorCode.UNKNOWN_TYPE);
        refused("{\"type\":1}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"fly\"}", ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void refusesMissingOrMistypedFields() {
        refused("{\"type\":\"start\"}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"choose\"}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"choose\",\"choices\":\"a\"}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"choose\",\"choices\":[1]}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"text\"}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"text\",\"text\":[]}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"lang\"}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"resume\"}", ErrorCode.BAD_FRAME);
    }

    @Test
    void aCaseNoteNamesItsTicketAndCarriesText() {
        Frame f = Frame.parse("{\"type\":\"inbox.note\",\"ticket\":\"t1\",\"text\":\"follow up\"}");
        assertThat(f.ticket()).isEqualTo("t1");
        assertThat(f.text()).isEqualTo("follow up");
        assertThat(Frame.parse("{\"type\":\"inbox.note\",\"ticket\":\"t1\",\"text\":\"\"}").text()).as("clears it").isEmpty();
        refused("{\"type\":\"inbox.note\",\"text\":\"x\"}", ErrorCode.BAD_FRAME);
        refused("{\"type\":\"inbox.note\",\"ticket\":\"t1\"}", ErrorCode.BAD_FRAME);
        assertThat(Frame.parse("{\"type\":\"inbox\",\"lang\":\"en\"}").lang()).isEqualTo("en");
    }
}
