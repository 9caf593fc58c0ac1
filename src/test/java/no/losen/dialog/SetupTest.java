package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import org.junit.jupiter.api.Test;

/**
 * How the server is set up reaches conditions as {@code setup.<name>}, and only conditions: a
 * session never holds it, so a session moved to another instance shows that instance's truth.
 */
class SetupTest {

    @Test
    void onlyKnownNamesExist() {
        assertThat(Setup.of("model", "sms").flags()).containsExactlyInAnyOrder("model", "sms");
        assertThatThrownBy(() -> Setup.of("modell")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown set-up name 'modell'");
        assertThat(Setup.known("setup.sms")).isTrue();
        assertThat(Setup.known("setup.fax")).isFalse();
        assertThat(Setup.known("sms")).isFalse();
    }

    @Test
    void conditionsReadTheSetupBesideTheVariablesWithoutChangingThem() {
        Map<String, Object> vars = Map.of("minor", true);
        Condition sms = Condition.parse("setup.sms and minor");
        Condition local = Condition.parse("not setup.model");
        assertThat(sms.test(Setup.NONE.over(vars))).isFalse();
        assertThat(sms.test(Setup.of("sms").over(vars))).isTrue();
        assertThat(local.test(Setup.of("sms").over(vars))).isTrue();
        assertThat(local.test(Setup.of("model").over(vars))).isFalse();
        assertThat(Setup.NONE.over(vars)).isSameAs(vars);
        assertThat(vars).containsOnlyKeys("minor");
        assertThat(Condition.parse("setup.sms").variables()).containsExactly("setup.sms");
    }

    @Test
    void thePrivacyTextFollowsTheSetupAndTheSessionNeverHoldsIt() {
        DialogSet set = ContentLoader.load(Fixtures.REPO).set();
        Engine plain = new Engine(set, Map.of());
        Engine full = plain.withSetup(Setup.of("model", "sms"));

        Engine.Turn local = plain.apply(plain.start("rights", "en", false).session(), Command.Choose.one("privacy"));
        assertThat(local.reply().text()).contains("we use it only to search the handbook")
                .doesNotContain("language-model").doesNotContain("SMS");

        Engine.Turn outside = full.apply(full.start("rights", "en", false).session(), Command.Choose.one("privacy"));
        assertThat(outside.reply().text()).contains("separate language-model service").contains("phone company")
                .doesNotContain("we use it only to search the handbook");
        assertThat(outside.session().vars()).noneSatisfy((k, v) -> assertThat(k).startsWith(Setup.PREFIX));
        // The same session continued by a server set up otherwise says what is true there.
        assertThat(plain.current(outside.session()).text()).contains("we use it only to search the handbook");
    }
}
