package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignGlossaryTest {

    private static ForeignGlossary glossary(String lang, String yaml) throws Exception {
        return ForeignGlossary.parse(LanguageForms.of(lang), new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    @Test
    void matchesInflectedFormsThroughLemmas() throws Exception {
        ForeignGlossary pl = glossary("pl", "terms:\n  \"pozwolenie na pobyt | karta pobytu\": \"oppholdstillatelse\"\n");
        List<LanguageForms.Word> q = LanguageForms.of("pl").words("nie mam pozwolenia na pobyt");
        assertThat(pl.match(q, 2)).isNotNull().satisfies(m -> {
            assertThat(m.length()).isEqualTo(3);
            assertThat(m.norwegian()).containsExactly("oppholdstillatelse");
        });
    }

    @Test
    void somaliSuffixesAndEthiopicPrepositionsAreTolerated() throws Exception {
        ForeignGlossary so = glossary("so", "terms:\n  \"dhakhtar\": \"lege\"\n");
        assertThat(so.match(LanguageForms.of("so").words("dhakhtarka"), 0)).isNotNull();
        ForeignGlossary am = glossary("am", "terms:\n  \"ሐኪም\": \"lege\"\n");
        assertThat(am.match(LanguageForms.of("am").words("ለሐኪም"), 0)).isNotNull();
        assertThat(am.match(LanguageForms.of("am").words("ሆስፒታል"), 0)).isNull();
    }

    @Test
    void latinScriptWordsTypedWithoutDiacriticsStillMatch() throws Exception {
        ForeignGlossary pl = glossary("pl", "terms:\n  \"ciąża\": \"gravid\"\n");
        assertThat(pl.match(LanguageForms.of("pl").words("chyba jestem w ciazy"), 3)).isNotNull()
                .satisfies(m -> assertThat(m.norwegian()).containsExactly("gravid"));
        ForeignGlossary ro = glossary("ro", "terms:\n  \"însărcinată\": \"gravid\"\n");
        assertThat(ro.match(LanguageForms.of("ro").words("insarcinata"), 0)).isNotNull();
        assertThat(pl.match(LanguageForms.of("pl").words("ciasto"), 0)).isNull();
    }

    @Test
    void searchTermsAreSearchedButLeftOutOfTheRoutingBridge() throws Exception {
        ForeignGlossary ro = glossary("ro", "terms:\n  \"medic\": \"lege\"\nsearch_terms:\n  \"datorie\": \"gjeld\"\n");
        List<LanguageForms.Word> q = LanguageForms.of("ro").words("am o datorie la medic");
        assertThat(ro.size()).isEqualTo(2);
        assertThat(ro.match(q, 2)).isNotNull().satisfies(m -> assertThat(m.norwegian()).containsExactly("gjeld"));
        ForeignGlossary routing = ro.forRouting();
        assertThat(routing.size()).isEqualTo(1);
        assertThat(routing.match(q, 2)).isNull();
        assertThat(routing.match(q, 4)).isNotNull().satisfies(m -> assertThat(m.norwegian()).containsExactly("lege"));
        ForeignGlossary shared = glossary("ro", "terms:\n  \"medic\": \"lege\"\n");
        assertThat(shared.forRouting()).isSameAs(shared);
    }

    @Test
    void everyBundledGlossaryLoadsWithSixtyTermsOrMore() {
        for (String lang : Translators.LANGUAGES) {
            assertThat(ForeignGlossary.load(LanguageForms.of(lang))).as(lang).hasValueSatisfying(g -> assertThat(g.size()).isGreaterThanOrEqualTo(60));
        }
    }
}
