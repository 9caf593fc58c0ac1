package no.losen.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped language against CLDR's own integer samples ("Language Plural Rules",
 * unicode.org/cldr/charts, the {@code @integer} lists of each category, "~" ranges written out).
 * A table, so a drifted rule shows as the one row that names language, number and category.
 */
class PluralRulesTest {

    static Stream<Arguments> cldrIntegerSamples() {
        return Stream.of(
                samples("nb", "one", 1), samples("nb", "other", 0, 2, 16, 100, 1000, 10000, 100000, 1000000),
                samples("en", "one", 1), samples("en", "other", 0, 2, 16, 100, 1000, 10000, 100000, 1000000),
                samples("so", "one", 1), samples("so", "other", 0, 2, 16, 100, 1000, 10000, 100000, 1000000),
                samples("ar", "zero", 0), samples("ar", "one", 1), samples("ar", "two", 2),
                samples("ar", "few", range(3, 10), range(103, 110), 1003),
                samples("ar", "many", range(11, 26), 111, 1011),
                samples("ar", "other", range(100, 102), range(200, 202), range(300, 302), range(400, 402),
                        range(500, 502), 600, 1000, 10000, 100000, 1000000),
                samples("ru", "one", 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001),
                samples("ru", "few", range(2, 4), range(22, 24), range(32, 34), range(42, 44), range(52, 54), 62, 102, 1002),
                samples("ru", "many", 0, range(5, 19), 100, 1000, 10000, 100000, 1000000),
                samples("uk", "one", 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001),
                samples("uk", "few", range(2, 4), range(22, 24), range(32, 34), range(42, 44), range(52, 54), 62, 102, 1002),
                samples("uk", "many", 0, range(5, 19), 100, 1000, 10000, 100000, 1000000),
                samples("pl", "one", 1),
                samples("pl", "few", range(2, 4), range(22, 24), range(32, 34), range(42, 44), range(52, 54), 62, 102, 1002),
                samples("pl", "many", 0, range(5, 19), 100, 1000, 10000, 100000, 1000000),
                samples("ro", "one", 1),
                samples("ro", "few", 0, range(2, 16), 101, 1001),
                samples("ro", "other", range(20, 35), 100, 1000, 10000, 100000, 1000000),
                samples("fr", "one", 0, 1),
                samples("fr", "many", 1000000, 2000000, 3000000, 6000000),
                samples("fr", "other", range(2, 17), 100, 1000, 10000, 100000),
                samples("fa", "one", 0, 1), samples("fa", "other", range(2, 17), 100, 1000, 10000, 100000, 1000000),
                samples("am", "one", 0, 1), samples("am", "other", range(2, 17), 100, 1000, 10000, 100000, 1000000),
                samples("ti", "one", 0, 1), samples("ti", "other", range(2, 17), 100, 1000, 10000, 100000, 1000000))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @MethodSource("cldrIntegerSamples")
    void eachLanguageGivesCldrsCategoryForItsSampleNumbers(String lang, long n, String category) {
        assertThat(PluralRules.category(lang, n)).isEqualTo(category);
    }

    private static Stream<Arguments> samples(String lang, String category, Object... numbers) {
        return Stream.of(numbers)
                .flatMap(n -> n instanceof long[] r ? LongStream.of(r).boxed() : Stream.of(((Number) n).longValue()))
                .map(n -> Arguments.of(lang, n, category));
    }

    private static long[] range(long from, long to) {
        return LongStream.rangeClosed(from, to).toArray();
    }
}
