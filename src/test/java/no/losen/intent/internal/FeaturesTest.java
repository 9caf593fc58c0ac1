package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.liblinear.Feature;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Folding and the n-gram vectors. */
class FeaturesTest {

    @Test
    void foldingDropsCaseAccentsPunctuationAndKeyboardVariants() {
        assertThat(Normalizer.fold("Lønn?? Ikke BETALT!")).isEqualTo("lonn ikke betalt");
        assertThat(Normalizer.fold("École, façade")).isEqualTo("ecole facade");
        assertThat(Normalizer.fold("naar faar jeg")).isEqualTo(Normalizer.fold("når får jeg"));
        assertThat(Normalizer.fold("كيف")).isEqualTo(Normalizer.fold("کیف"));
        assertThat(Normalizer.fold("٣ أيام")).isEqualTo("3 ایام");
        assertThat(Normalizer.fold("3ayez ye2telny")).isEqualTo("3ayez ye2telny");
    }

    @Test
    void aVectorHasUnitLengthAscendingIndicesAndOnlyKnownFeatures() {
        Features f = Features.fit(List.of("sjefen betaler ikke lønn", "ingen lønn", "trenger lege", "lege nå"));
        Feature[] v = f.vector("lønna er ikke betalt, zzzz");
        double norm = Arrays.stream(v).mapToDouble(x -> x.getValue() * x.getValue()).sum();
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i].getIndex()).isGreaterThan(v[i - 1].getIndex());
        }
        assertThat(Arrays.stream(v).allMatch(x -> x.getIndex() >= 1 && x.getIndex() <= f.size())).isTrue();
        assertThat(f.vector("qqqq xxxx")).isEmpty();
    }

    @Test
    void inflectedFormsShareMostOfTheirGrams() {
        Set<Integer> lege = new HashSet<>(Arrays.stream(Features.buckets("legen")).boxed().toList());
        Set<Integer> legevakt = new HashSet<>(Arrays.stream(Features.buckets("legevakt")).boxed().toList());
        Set<Integer> ti1 = new HashSet<>(Arrays.stream(Features.buckets("ሓኪም")).boxed().toList());
        Set<Integer> ti2 = new HashSet<>(Arrays.stream(Features.buckets("ንሓኪም")).boxed().toList());
        lege.retainAll(legevakt);
        ti1.retainAll(ti2);
        assertThat(lege).hasSizeGreaterThan(3);
        assertThat(ti1).hasSizeGreaterThan(2);
    }
}
