package no.losen.internal;

import java.util.regex.Pattern;

/**
 * The widget's script and styles as a phone downloads them: without their comments. The comments say why
 * the widget does what it does, for whoever reads the source; served, they were two fifths of what a cheap
 * phone on a slow link fetched before it could show quick exit (script and styles 30.9 KB gzipped, over the
 * widget's budget of 30 KB; without them 18.6 KB, {@code WidgetSizeTest}).
 *
 * <p>Only what cannot be code is taken out, with no parser: in a script, lines that are a comment from their
 * first character to their last ({@code // …}, and {@code /* … *}{@code /} blocks that begin a line and end
 * one); a comment after code on its line stays, and a block that ends inside a line of code stops the start.
 * The widget has no template literal, where such a line could be text; every browser test runs the script as
 * served.
 * In styles every comment: a style sheet has no other use for the characters that open one outside a string,
 * and the widget's strings hold none.
 */
public final class Comments {

    private static final Pattern STYLE_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private Comments() {
    }

    /** {@code script} without its lines of comment only. */
    public static String outOfScript(String script) {
        StringBuilder out = new StringBuilder(script.length());
        boolean inBlock = false;
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (inBlock) {
                int end = t.indexOf("*/");
                if (end >= 0 && end != t.length() - 2) {
                    throw new IllegalStateException("a comment ends inside a line of code: " + line);
                }
                inBlock = end < 0;
                continue;
            }
            if (t.startsWith("//")) {
                continue;
            }
            if (t.startsWith("/*")) {
                int end = t.indexOf("*/", 2);
                if (end < 0 || end == t.length() - 2) {
                    inBlock = end < 0;
                    continue;
                }
            }
            out.append(line).append('\n');
        }
        if (inBlock) {
            throw new IllegalStateException("a comment is not closed");
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /** {@code styles} without their comments. */
    public static String outOfStyles(String styles) {
        return STYLE_COMMENT.matcher(styles).replaceAll("");
    }
}
