package no.losen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentsTest {

    @Test
    void linesOfCommentOnlyLeaveAScriptAndCodeStaysAsWritten() {
        String script = String.join("\n",
                "(function () {",
                "  // why the next line is there",
                "  /**",
                "   * a block, as javadoc",
                "   */",
                "  /* one line */",
                "  const url = 'https://example.org'; // after code: stays",
                "  const a = 2 /* inside code: stays */ * 3;",
                "})();");
        assertThat(Comments.outOfScript(script)).isEqualTo(String.join("\n",
                "(function () {",
                "  const url = 'https://example.org'; // after code: stays",
                "  const a = 2 /* inside code: stays */ * 3;",
                "})();"));
    }

    @Test
    void aBlockThatEndsInsideALineOfCodeOrNeverEndsIsRefusedRatherThanCutWrong() {
        assertThatThrownBy(() -> Comments.outOfScript("/* a\n b */ const x = 1;")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Comments.outOfScript("/* a\n const x = 1;")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCommentLeavesStyles() {
        assertThat(Comments.outOfStyles("/* why */\n.a { color: red; } /* and\nwhy */ .b::before { content: \"\\25B8\"; }"))
                .isEqualTo("\n.a { color: red; }  .b::before { content: \"\\25B8\"; }");
    }
}
