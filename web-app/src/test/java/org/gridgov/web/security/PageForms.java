package org.gridgov.web.security;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The forms of a page as its HTML holds them, read the way a browser submits them: the action, and for each control its
 * name, kind, value, whether it is checked or selected, and its {@code maxlength}. Enough for the corpus to fill a
 * page form as its page does and to tell whether an answer shows an error with the typed input kept.
 */
final class PageForms {

    private PageForms() {
    }

    /** One input, text area or select of a form; {@code options} are a select's option values. */
    record Control(String tag, String type, String name, String value, boolean checked, Integer maxLength,
                   List<String> options) {

        boolean text() {
            return tag.equals("textarea") || (tag.equals("input") && !List.of("checkbox", "radio", "file", "submit",
                    "button", "image", "reset", "password").contains(type));
        }
    }

    /** A form: its action as written (with its query) and its controls in document order. */
    record Form(String action, List<Control> controls) {

        String path() {
            int query = action.indexOf('?');
            return query < 0 ? action : action.substring(0, query);
        }

        Control control(String name) {
            return controls.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        /** The values a browser sends for the form as rendered (no button pressed, no file chosen). */
        List<Map.Entry<String, String>> values() {
            List<Map.Entry<String, String>> values = new ArrayList<>();
            for (Control c : controls) {
                if (c.name().isEmpty() || c.name().equals("_csrf") || List.of("file", "submit", "button", "image",
                        "reset").contains(c.type())) {
                    continue;
                }
                if ((c.type().equals("checkbox") || c.type().equals("radio")) && !c.checked()) {
                    continue;
                }
                if (c.tag().equals("select") && c.value() == null) {
                    continue;
                }
                values.add(new SimpleEntry<>(c.name(), c.value()));
            }
            return values;
        }
    }

    static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    static final Pattern CONTROL = Pattern.compile("<input\\b([^>]*)>|<textarea\\b([^>]*)>(.*?)</textarea>"
            + "|<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");
    /** An element of the kinds the templates mark errors with: field errors, error blocks, invalid controls. */
    static final Pattern ERROR_MARK = Pattern.compile("class=\"(?:[^\"]*\\s)?(?:field-error|errors|error|invalid)"
            + "(?:\\s[^\"]*)?\"");

    static List<Form> parse(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String action = attribute(form.group(1), "action");
            if (action == null) {
                continue;
            }
            forms.add(new Form(HtmlUtils.htmlUnescape(action), controls(form.group(2))));
        }
        return forms;
    }

    /** The controls of a piece of HTML (a form's body, or a whole answer). */
    static List<Control> controls(String html) {
        List<Control> controls = new ArrayList<>();
        Matcher m = CONTROL.matcher(html);
        while (m.find()) {
            if (m.group(1) != null) {
                String a = m.group(1);
                String type = attribute(a, "type");
                controls.add(new Control("input", type == null ? "text" : type.toLowerCase(), name(a),
                        unescaped(attribute(a, "value")), flag(a, "checked"), maxLength(a), List.of()));
            }
            else if (m.group(2) != null) {
                String a = m.group(2);
                // a text area's content starts after one leading line break, as a browser reads it
                String text = m.group(3).startsWith("\n") ? m.group(3).substring(1) : m.group(3);
                controls.add(new Control("textarea", "textarea", name(a), HtmlUtils.htmlUnescape(text), false,
                        maxLength(a), List.of()));
            }
            else {
                String a = m.group(4);
                List<String> options = new ArrayList<>();
                String chosen = null;
                Matcher o = OPTION.matcher(m.group(5));
                while (o.find()) {
                    String value = unescaped(attribute(o.group(1), "value"));
                    options.add(value);
                    if (chosen == null || flag(o.group(1), "selected")) {
                        chosen = value;
                    }
                }
                controls.add(new Control("select", flag(a, "multiple") ? "multiple" : "select", name(a), chosen,
                        false, null, options));
            }
        }
        return controls;
    }

    static boolean showsError(String html) {
        return ERROR_MARK.matcher(html).find();
    }

    /** Whether a text control named {@code name} holds {@code value} in this answer. */
    static boolean keeps(String html, String name, String value) {
        return controls(html).stream().anyMatch(c -> c.name().equals(name) && c.text() && value.equals(c.value()));
    }

    static boolean hasControl(String html, String name) {
        return controls(html).stream().anyMatch(c -> c.name().equals(name));
    }

    static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String name(String attributes) {
        String name = attribute(attributes, "name");
        return name == null ? "" : HtmlUtils.htmlUnescape(name);
    }

    private static String unescaped(String value) {
        return value == null ? "" : HtmlUtils.htmlUnescape(value);
    }

    private static boolean flag(String attributes, String name) {
        return Pattern.compile("(?:^|\\s)" + name + "(?:\\s|=|$)").matcher(attributes).find();
    }

    private static Integer maxLength(String attributes) {
        String max = attribute(attributes, "maxlength");
        return max == null ? null : Integer.valueOf(max);
    }
}
