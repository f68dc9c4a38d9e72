package org.queryaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Renders a self-contained HTML page from a template in {@code queryaudit/report/templates}.
 * Every {@code {{value}}} is HTML-escaped by Mustache; data for charts goes in as JSON with
 * {@code <}, {@code >}, {@code &} and line separators escaped, so no text from a log can end
 * the script. The chart library and the style sheet are inlined: the page loads nothing.
 */
public final class HtmlPage {
    private static final String BASE = "queryaudit/report/";
    private static final DefaultMustacheFactory MUSTACHE = new DefaultMustacheFactory(BASE + "templates");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String chartJs;
    private static String css;

    private HtmlPage() {
    }

    public static synchronized String chartJs() {
        if (chartJs == null) {
            chartJs = resource(BASE + "vendor/chart-4.6.1.umd.min.js");
            if (chartJs.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("the vendored chart library cannot be inlined: it contains </script");
            }
        }
        return chartJs;
    }

    public static synchronized String css() {
        if (css == null) {
            css = resource(BASE + "templates/report.css");
        }
        return css;
    }

    /** JSON that is safe inside a script element. */
    public static String scriptJson(Object data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(String template, Map<String, Object> scope) {
        Mustache m = MUSTACHE.compile(template);
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }

    public static void write(FileSystem fs, Path file, String template, Map<String, Object> scope) throws IOException {
        try (Writer w = new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8)) {
            w.write(render(template, scope));
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
