package no.losen.dialog.load;

import no.losen.internal.YamlDoc;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a dialog file against {@code schema/dialog.schema.json}, the same schema editors use
 * for autocompletion, so an author sees one set of rules in the editor and in the validator.
 */
final class SchemaCheck {

    private static final JsonSchema SCHEMA = load();

    private SchemaCheck() {
    }

    private static JsonSchema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/schema/dialog.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/dialog.schema.json is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Problem> check(YamlDoc doc) {
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(doc.tree)) {
            String pointer = pointer(m.getInstanceLocation());
            String where = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.') + ": ";
            String err = m.getError() == null ? m.getMessage() : m.getError();
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                pointer = pointer + "/" + m.getProperty();
                err = "unknown field '" + m.getProperty() + "'";
            }
            out.add(Problem.error(doc.at(pointer), where + err));
        }
        out.sort(java.util.Comparator.comparingInt((Problem p) -> p.at().line()).thenComparing(Problem::message));
        return out;
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            b.append('/').append(path.getElement(i));
        }
        return b.toString();
    }
}
