package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhoneKeyTest {

    private final PhoneKey keys = new PhoneKey("a server secret of some length".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameNumberWrittenDifferentlyHasTheSameKey() {
        assertThat(keys.of("+47 912 34 567")).isEqualTo(keys.of("+4791234567")).isEqualTo(keys.of("+47-912-34-567"));
    }

    @Test
    void differentNumbersHaveDifferentKeys() {
        assertThat(keys.of("+4791234567")).isNotEqualTo(keys.of("+4791234568"));
    }

    @Test
    void theKeyDoesNotRevealTheNumberAndDependsOnTheSecret() {
        String k = keys.of("+4791234567");
        assertThat(k).doesNotContain("91234567").hasSize(43);
        PhoneKey other = new PhoneKey("another server secret, also long".getBytes(StandardCharsets.UTF_8));
        assertThat(other.of("+4791234567")).isNotEqualTo(k);
    }

    @Test
    void aShortSecretIsRefusedAndAnUnsetOneIsRandomPerProcess() {
        assertThatThrownBy(() -> new PhoneKey("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PhoneKey.fromSecret(null).of("+4791234567")).isNotEqualTo(PhoneKey.fromSecret("").of("+4791234567"));
    }

    @Test
    void anIdThatCarriesTheNumberIsHashedExactlyAsGivenAndApartFromNumbers() {
        PhoneKey k = new PhoneKey("a secret of enough length".getBytes(StandardCharsets.UTF_8));
        String wamid = "wamid.HBgLNDc5MTIzNDU2NzcVAgASGBQzQTdC";
        assertThat(k.opaque(wamid)).doesNotContain("wamid").doesNotContain("HBgL").hasSize(43);
        assertThat(k.opaque(wamid)).isEqualTo(k.opaque(wamid)).isNotEqualTo(k.opaque(wamid + "="));
        assertThat(k.opaque("+4791234567")).isNotEqualTo(k.of("+4791234567"));
    }
}
