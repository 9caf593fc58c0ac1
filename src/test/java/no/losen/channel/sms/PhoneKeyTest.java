package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhoneKeyTest {

    private final PhoneKey keys = new PhoneKey("a server secret of some length".getBytes(StandardCharsets.UTF_8));

    @Test
    void the_same_number_written_differently_has_the_same_key() {
        assertThat(keys.of("+47 912 34 567")).isEqualTo(keys.of("+4791234567")).isEqualTo(keys.of("+47-912-34-567"));
    }

    @Test
    void different_numbers_have_different_keys() {
        assertThat(keys.of("+4791234567")).isNotEqualTo(keys.of("+4791234568"));
    }

    @Test
    void the_key_does_not_reveal_the_number_and_depends_on_the_secret() {
        String k = keys.of("+4791234567");
        assertThat(k).doesNotContain("91234567").hasSize(43);
        PhoneKey other = new PhoneKey("another server secret, also long".getBytes(StandardCharsets.UTF_8));
        assertThat(other.of("+4791234567")).isNotEqualTo(k);
    }

    @Test
    void a_short_secret_is_refused_and_an_unset_one_is_random_per_process() {
        assertThatThrownBy(() -> new PhoneKey("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PhoneKey.fromSecret(null).of("+4791234567")).isNotEqualTo(PhoneKey.fromSecret("").of("+4791234567"));
    }

    @Test
    void an_id_that_carries_the_number_is_hashed_exactly_as_given_and_apart_from_numbers() {
        PhoneKey k = new PhoneKey("a secret of enough length".getBytes(StandardCharsets.UTF_8));
        String wamid = "wamid.HBgLNDc5MTIzNDU2NzcVAgASGBQzQTdC";
        assertThat(k.opaque(wamid)).doesNotContain("wamid").doesNotContain("HBgL").hasSize(43);
        assertThat(k.opaque(wamid)).isEqualTo(k.opaque(wamid)).isNotEqualTo(k.opaque(wamid + "="));
        assertThat(k.opaque("+4791234567")).isNotEqualTo(k.of("+4791234567"));
    }
}
